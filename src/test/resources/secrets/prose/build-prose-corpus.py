#!/usr/bin/env python3
"""Builds the ordinary-prose corpora the seed-phrase false-alarm measurement reads.

Nobody on the project wrote these texts: they come from Debian packages (install them first):
  apt-get install fortunes fortunes-min fortunes-zh fortunes-es fortunes-it fortunes-br fortunes-cs \
    debian-handbook debian-reference-en debian-reference-zh-cn debian-reference-zh-tw debian-faq-zh-cn \
    maint-guide-zh-cn maint-guide-zh-tw manpages-zh gimp-help-zh-cn gettext
Usage: build-prose-corpus.py OUTDIR   -> OUTDIR/<lang>.jsonl, one {"source", "text"} post per line.
Then: mvn test -Dtest=ProseFalseAlarmTest -Dtidewatch.prose.corpus=OUTDIR

A post is what a chat message could be: one fortune, one paragraph or list item of a document
(long ones cut at sentence ends into pieces of at most ~400 chars), one translated UI string.
"""
import glob
import gzip
import html.parser
import json
import os
import re
import subprocess
import sys

MAX_POST = 400


class Paragraphs(html.parser.HTMLParser):
    """Text of <p>, <li>, <dd>, <dt>, <td>, <h1-4>, <title> elements; <pre> and <code> blocks skipped."""
    BLOCKS = {"p", "li", "dd", "dt", "td", "th", "h1", "h2", "h3", "h4", "title", "div"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.out, self.buf, self.skip = [], [], 0

    def handle_starttag(self, tag, attrs):
        if tag in ("pre", "script", "style"):
            self.skip += 1
        elif tag in self.BLOCKS:
            self.flush()

    def handle_endtag(self, tag):
        if tag in ("pre", "script", "style"):
            self.skip = max(0, self.skip - 1)
        elif tag in self.BLOCKS:
            self.flush()

    def handle_data(self, data):
        if not self.skip:
            self.buf.append(data)

    def flush(self):
        text = re.sub(r"\s+", " ", "".join(self.buf)).strip()
        self.buf = []
        if text:
            self.out.append(text)


def pieces(text):
    """Cuts a long paragraph at sentence ends (. ! ? 。！？) into posts of at most MAX_POST chars."""
    if len(text) <= MAX_POST:
        return [text]
    sentences = re.split(r"(?<=[.!?。！？])\s*", text)
    out, cur = [], ""
    for s in sentences:
        if cur and len(cur) + len(s) > MAX_POST:
            out.append(cur.strip())
            cur = ""
        cur += s + (" " if re.search(r"[.!?]$", s) else "")
    if cur.strip():
        out.append(cur.strip())
    return out


def html_posts(pattern):
    for path in sorted(glob.glob(pattern, recursive=True)):
        p = Paragraphs()
        with open(path, encoding="utf-8", errors="replace") as f:
            p.feed(f.read())
        p.flush()
        for para in p.out:
            yield from pieces(para)


def fortune_posts(paths):
    for path in paths:
        if path.endswith((".dat", ".u8")) or os.path.isdir(path) or os.path.islink(path):
            continue
        with open(path, encoding="utf-8", errors="replace") as f:
            raw = f.read()
        raw = re.sub(r"\x1b\[[0-9;]*m", "", raw)  # colour escapes of the Chinese files
        for entry in re.split(r"\n%\n", raw):
            entry = entry.strip("\n% ")
            if entry:
                yield entry


def man_posts(pattern, limit):
    """Paragraphs of man pages with the groff requests and font escapes stripped (no rendering)."""
    for n, path in enumerate(sorted(glob.glob(pattern))):
        if n >= limit:
            break
        try:
            with gzip.open(path, "rt", encoding="utf-8", errors="replace") as f:
                raw = f.read()
        except (OSError, EOFError):
            continue
        para = []
        for line in raw.split("\n"):
            if line.startswith((".", "'")):
                if re.match(r"^\.(PP|LP|P|SH|SS|TP|IP|HP|sp|br)\b", line) and para:
                    yield from pieces(" ".join(para))
                    para = []
                continue
            line = re.sub(r"\\f[BIRP]|\\f\(..|\\-|\\\(..|\\&|\\e|\\\*.", "", line).strip()
            if line:
                para.append(line)
        if para:
            yield from pieces(" ".join(para))


def mo_posts(pattern):
    for path in sorted(glob.glob(pattern)):
        try:
            po = subprocess.run(["msgunfmt", path], capture_output=True, text=True, check=True).stdout
        except (subprocess.CalledProcessError, FileNotFoundError):
            continue
        for m in re.finditer(r'^msgstr(?:\[\d\])? ((?:".*"\n?)+)', po, re.M):
            s = "".join(re.findall(r'"(.*)"', m.group(1)))
            s = s.encode("utf-8").decode("unicode_escape", errors="ignore").encode("latin-1", errors="ignore").decode("utf-8", errors="ignore")
            s = s.strip()
            if len(s) >= 4:
                yield s


HANDBOOK = "/usr/share/doc/debian-handbook/html/%s/**/*.html"
SOURCES = {
    "en": [
        ("fortunes", lambda: fortune_posts(glob.glob("/usr/share/games/fortunes/*"))),
        ("debian-handbook", lambda: html_posts(HANDBOOK % "en-US")),
        ("debian-reference", lambda: html_posts("/usr/share/debian-reference/*.en.html")),
        ("man-pages", lambda: man_posts("/usr/share/man/man1/*.gz", 12000)),
    ],
    "zh": [
        ("fortunes-zh", lambda: fortune_posts(["/usr/share/games/fortunes/" + n for n in ("chinese", "tang300", "song100")])),
        ("debian-handbook-zh-CN", lambda: html_posts(HANDBOOK % "zh-CN")),
        ("debian-handbook-zh-TW", lambda: html_posts(HANDBOOK % "zh-TW")),
        ("debian-reference-zh", lambda: html_posts("/usr/share/debian-reference/*.zh-*.html")),
        ("debian-faq-zh-cn", lambda: html_posts("/usr/share/doc/debian/FAQ/zh-cn/*.html")),
        ("maint-guide-zh", lambda: html_posts("/usr/share/doc/maint-guide-zh-*/html/*.html")),
        ("gimp-help-zh_CN", lambda: html_posts("/usr/share/gimp/2.0/help/zh_CN/*.html")),
        ("manpages-zh", lambda: man_posts("/usr/share/man/zh_*/man*/*.gz", 100000)),
        ("ui-strings-zh", lambda: mo_posts("/usr/share/locale/zh_*/LC_MESSAGES/*.mo")),
    ],
    "es": [("fortunes-es", lambda: fortune_posts(glob.glob("/usr/share/games/fortunes/es/*"))),
           ("debian-handbook-es", lambda: html_posts(HANDBOOK % "es-ES"))],
    "fr": [("debian-handbook-fr", lambda: html_posts(HANDBOOK % "fr-FR"))],
    "it": [("fortunes-it", lambda: fortune_posts(glob.glob("/usr/share/games/fortunes/it/*"))),
           ("debian-handbook-it", lambda: html_posts(HANDBOOK % "it-IT"))],
    "pt": [("fortunes-br", lambda: fortune_posts(["/usr/share/games/fortunes/brasil"])),
           ("debian-handbook-pt", lambda: html_posts(HANDBOOK % "pt-BR"))],
    "cs": [("fortunes-cs", lambda: fortune_posts(glob.glob("/usr/share/games/fortunes/cs/*") + glob.glob("/usr/share/games/fortunes/cz/*"))),
           ("debian-handbook-cs", lambda: html_posts(HANDBOOK % "cs-CZ"))],
    "ja": [("debian-handbook-ja", lambda: html_posts(HANDBOOK % "ja-JP"))],
    "ko": [("debian-handbook-ko", lambda: html_posts(HANDBOOK % "ko-KR"))],
}


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    for lang, sources in SOURCES.items():
        seen = set()
        with open(os.path.join(out, lang + ".jsonl"), "w", encoding="utf-8") as f:
            for name, posts in sources:
                n = 0
                for text in posts():
                    if len(text) < 8 or text in seen:
                        continue
                    seen.add(text)
                    f.write(json.dumps({"source": name, "text": text}, ensure_ascii=False) + "\n")
                    n += 1
                print(f"{lang} {name}: {n} posts", file=sys.stderr)


if __name__ == "__main__":
    main()
