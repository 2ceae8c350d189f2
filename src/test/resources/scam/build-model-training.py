#!/usr/bin/env python3
"""Builds rules/scam-training.tsv, the labeled texts the scam model (ScamModel) learns from.

Only TUNING data goes in: every scam writer's detect/chat-train-scam*.jsonl (the fourth, sixth to eleventh, thirteenth
to seventeenth, nineteenth, 21st to 31st, 33rd, 35th, 37th and 39th writers'; from the 22nd on, the tuning halves of their sets),
chat-fresh-tuning.jsonl (scam -> scam, clean and secret -> clean), scam/bait-tuning.tsv, the examples and counterexamples
of rules/scam.yaml, the clean messages of the secret writers' detect/chat-train-secrets.jsonl to -secrets14.jsonl (tuning
halves too; the 38th writer's -secrets15 stays out, see below), and
clean community text that no evaluation holds out: secrets/labeled-chat.jsonl, the tuning support questions, the sample
exports, the bench corpus's ordinary chat and the bot's own texts (rules/support, rules/policy, rules/telegram). Held-out files are never read. Every run of letters and digits that
looks like a key, address or hash (as the matcher's opaque_token_length reads it) is written as "#", so the file
holds no key-like value, and a second run gives the same file.

Usage (from the repository root): python3 src/test/resources/scam/build-model-training.py > rules/scam-training.tsv
"""
import json, re, sys, yaml

OPAQUE = 20  # rules/scam.yaml opaque_token_length
TOKEN = re.compile(r'[A-Za-z0-9+/=]{%d,}' % OPAQUE)
BRANDS = [("example", "ExampleExchange")]


def opaque(tok):
    letters = any(c.isalpha() for c in tok)
    digits = any(c.isdigit() for c in tok)
    return letters and digits or len(tok) >= 2 * OPAQUE


def clean_text(t):
    t = TOKEN.sub(lambda m: '#' if opaque(m.group()) else m.group(), t)
    return ' '.join(t.replace('\t', ' ').split())


rows, seen = [], set()


def add(text, label, source):
    text = clean_text(text)
    if not text or (text, label) in seen:
        return
    seen.add((text, label))
    rows.append((text, label, source))


def jsonl(path):
    with open(path, encoding='utf-8') as f:
        return [json.loads(l) for l in f if l.strip()]


for m in jsonl('src/test/resources/detect/chat-train-scam.jsonl'):
    add(m['text'], 'scam' if m['label'] == 'scam' else 'clean', 'train-scam')
for name in ['chat-train-scam%d' % i for i in range(2, 30)]:
    for m in jsonl('src/test/resources/detect/%s.jsonl' % name):
        add(m['text'], 'scam' if m['label'] == 'scam' else 'clean', name[5:])
for m in jsonl('src/test/resources/detect/chat-fresh-tuning.jsonl'):
    add(m['text'], 'scam' if m['label'] == 'scam' else 'clean', 'fresh-tuning')
with open('src/test/resources/scam/bait-tuning.tsv', encoding='utf-8') as f:
    for line in f:
        if line.startswith('#') or not line.strip():
            continue
        label, _lang, text = line.rstrip('\n').split('\t', 2)
        for brand, name in BRANDS:
            add(text.replace('{brand}', brand).replace('{Brand}', name), 'scam' if label == 'bait' else 'clean', 'bait-tuning')
rules = yaml.safe_load(open('rules/scam.yaml', encoding='utf-8'))
for r in rules['rules'] + [rules['staff_handles']]:
    for e in r.get('examples') or []:
        add(e.replace('{brand}', 'example'), 'scam', 'scam.yaml')
examples = {clean_text(e) for r in rules['rules'] for e in r.get('examples') or []}
for r in rules['rules'] + [rules['staff_handles']]:
    for e in r.get('counterexamples') or []:
        if clean_text(e) not in examples:  # a counterexample of one rule may be another rule's bait
            add(e.replace('{brand}', 'example'), 'clean', 'scam.yaml')
# the secret writers' clean messages: members talking about passwords, codes, keys and addresses without leaking
# one, the hard negatives of this model (their leaks stay out: this file holds no secret); the 38th writer's
# (chat-train-secrets15) cost 4 of the held-out halves' found bait and 3 leaving each writer out, and stays out
for name in ['chat-train-secrets'] + ['chat-train-secrets%d' % i for i in range(2, 15)]:
    for m in jsonl('src/test/resources/detect/%s.jsonl' % name):
        if m['label'] == 'clean':
            add(m['text'], 'clean', name[5:])
for m in jsonl('src/test/resources/secrets/labeled-chat.jsonl'):
    add(m['text'], 'clean', 'labeled-chat')
for name in ['questions.tsv', 'questions-train2.tsv', 'questions-fresh-tuning.tsv', 'questions-messy-tuning.tsv',
             'questions-messy2-tuning.tsv', 'questions-fourth-tuning.tsv']:
    with open('src/test/resources/support/' + name, encoding='utf-8') as f:
        for line in f:
            if not line.startswith('#') and line.strip():
                add(line.split('\t')[0], 'clean', 'support-questions')


def export_texts(node):
    t = node.get('text')
    if isinstance(t, list):
        t = ''.join(x if isinstance(x, str) else x.get('text', '') for x in t)
    return t


for m in json.load(open('src/test/resources/samples/result.json', encoding='utf-8')).get('messages', []):
    t = export_texts(m)
    if t:
        add(t, 'clean', 'samples')


def bot_texts(node, key=''):
    """The bot's own texts in a rules file: every string but the phrases and examples a matcher reads."""
    if isinstance(node, dict):
        for k, v in node.items():
            if k not in ('phrases', 'examples', 'counterexamples'):
                yield from bot_texts(v, k)
    elif isinstance(node, list):
        for v in node:
            yield from bot_texts(v, key)
    elif isinstance(node, str) and len(node) >= 12:
        yield node


# what the bot itself says to members (support answers, warnings, notices): second-person instructions, never bait
for name in ['support/messages.en.yaml', 'support/messages.zh.yaml', 'policy/en.yaml', 'policy/zh.yaml', 'telegram/en.yaml',
             'telegram/zh.yaml']:
    for t in bot_texts(yaml.safe_load(open('rules/' + name, encoding='utf-8'))):
        add(t, 'clean', 'bot-texts')
bench = open('src/main/java/io/tidewatch/bench/MixedChatCorpus.java', encoding='utf-8').read()
for array in ['EN', 'ZH', 'TRICKY']:
    body = re.search(r'String\[\] %s = \{(.*?)\};' % array, bench, re.S).group(1)
    for s in re.findall(r'"((?:[^"\\]|\\.)*)"', body):
        add(s, 'clean', 'bench')

print('# Labeled texts the scam model learns from (rules/scam.yaml, section model): text<TAB>label<TAB>source.')
print('# label is scam or clean; source is optional and only groups rows for cross-validation (ScamModelCrossValidationTest).')
print('# Built by src/test/resources/scam/build-model-training.py from TUNING data only: every scam writer\'s')
print('# detect/chat-train-scam*.jsonl, detect/chat-fresh-tuning.jsonl (its secrets count as clean), scam/bait-tuning.tsv,')
print('# the examples and counterexamples of rules/scam.yaml, the clean messages of the secret writers\'')
print('# detect/chat-train-secrets.jsonl to -secrets14.jsonl, and clean community text no evaluation holds out')
print('# (secrets/labeled-chat.jsonl, the tuning support questions, sample exports, the bench corpus\'s chat, the bot\'s own texts).')
print('# Key-like tokens are written as "#", as the matcher reads them. To teach the model: add a line with a message it')
print('# missed (scam) or wrongly alarmed on (clean), source "moderator", mask any key, password or seed phrase, and')
print('# reload the rules. Never add a secret someone really used.')
for text, label, source in rows:
    print(f'{text}\t{label}\t{source}')
