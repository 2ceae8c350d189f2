// Built the secrets evaluation set once: NODE_PATH=<dir with node_modules/bip39> node make-eval-set.js PROSE_DIR OUT_DIR
// (PROSE_DIR from ../prose/build-prose-corpus.py; needs the npm package "bip39", which encodes the
// phrases: not Tidewatch's code). Writes OUT_DIR/tuning.jsonl and OUT_DIR/heldout.jsonl, a random
// 50/50 split of one labeled set: {"label": "secret"|"clean", "kind": "...", "text": "..."}.
// Values are random (phrases with real checksums from the official lists, keys, passwords, codes);
// clean posts are ordinary prose from Debian packages nobody here wrote, plus near misses.
const bip39 = require('bip39');
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');

const [proseDir, outDir] = process.argv.slice(2);
const rnd = () => crypto.randomInt(0, 2 ** 31) / 2 ** 31;
const pick = a => a[Math.floor(rnd() * a.length)];
const int = (lo, hi) => lo + Math.floor(rnd() * (hi - lo + 1));
const items = [];
const add = (label, kind, text) => items.push({label, kind, text: text.normalize('NFC')});

// ---------------------------------------------------------------- seed phrases, all ten lists
const LANGS = ['english', 'chinese_simplified', 'chinese_traditional', 'japanese', 'korean', 'spanish', 'french', 'italian', 'czech', 'portuguese'];
const CUES = {
  any: ['my recovery phrase is', 'my seed phrase:', 'seed words -', 'my backup words are', 'wallet phrase:', 'here is my mnemonic:',
        'can someone restore this? my 12 words:', 'Recovery phrase (from trust wallet):', 'my metamask secret recovery phrase is'],
  chinese_simplified: ['助记词：', '我的助记词是', '助记词如下：', '钱包助记词：', '帮我看看这个助记词能不能导入：'],
  chinese_traditional: ['助記詞：', '我的助记词是', '錢包助记词如下：'],
  japanese: ['シードフレーズ：', '復元フレーズは'], korean: ['시드 구문:', '니모닉:', '복구 구문은'],
  spanish: ['mi frase semilla:', 'frase de recuperación:'], french: ['ma phrase de récupération :', 'phrase secrète :'],
  italian: ['la mia frase di recupero:', 'frase seed:'], czech: ['obnovovací fráze:', 'seed fráze:'],
  portuguese: ['minha frase de recuperação:', 'frase semente:'],
};
const TAILS = ['', '', ' pls help', ' 谢谢', ' thanks', '\ncan you check why my balance is 0?', ' 怎么导入？', ' help!!'];
const strip = s => s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
for (const lang of LANGS) {
  const wl = bip39.wordlists[lang];
  for (let i = 0; i < 44; i++) {
    const bytes = pick([16, 16, 16, 20, 24, 28, 32, 32]);
    let words = bip39.entropyToMnemonic(crypto.randomBytes(bytes).toString('hex'), wl).normalize('NFC').split(/[ \u3000]/);
    if ((lang === 'spanish' || lang === 'french') && rnd() < 0.5) words = words.map(strip);
    if (lang !== 'chinese_simplified' && lang !== 'chinese_traditional' && lang !== 'japanese' && lang !== 'korean' && rnd() < 0.2) {
      words = words.map(w => rnd() < 0.5 ? w.toUpperCase() : w[0].toUpperCase() + w.slice(1));
    }
    const han = lang.startsWith('chinese');
    const space = lang === 'japanese' && rnd() < 0.6 ? '\u3000' : ' ';
    const shape = pick(['cue', 'cue', 'cue', 'numbered', 'lines', 'commas', 'alone', han ? 'unspaced' : 'cue']);
    let body;
    switch (shape) {
      case 'numbered': body = words.map((w, k) => `${k + 1}. ${w}`).join(pick([' ', '\n'])); break;
      case 'lines': body = pick(['help my wallet is empty\n', '', 'restore pls\n', '钱包被盗了\n']) + words.join('\n'); break;
      case 'commas': body = words.join(han ? pick(['，', '、', ', ']) : ', '); break;
      case 'alone': body = words.join(space); break;
      case 'unspaced': body = pick(CUES[lang] || CUES.chinese_simplified) + words.join(''); break;
      default: body = pick(rnd() < 0.5 && CUES[lang] ? CUES[lang] : CUES.any) + ' ' + words.join(space);
    }
    add('secret', 'seed-' + lang, body + pick(TAILS));
  }
}

// ---------------------------------------------------------------- passwords, keys, codes
const ALNUM = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';
const rstr = (alphabet, n) => Array.from({length: n}, () => alphabet[int(0, alphabet.length - 1)]).join('');
const password = () => {
  let p = rstr(ALNUM, int(6, 11)) + int(0, 99) + pick(['!', '#', '@', '', '$', '*']);
  return /\d/.test(p) ? p : p + int(1, 9);
};
const PW = ['my password is {p}, can you check my account', 'pwd: {p} pls help', 'I set my password to {p} yesterday and now I am locked out',
  'changed my password to {p} but still cannot withdraw', 'new pw is {p}', 'login alice_{n} password {p}', 'email bob{n}@gmail.com password: {p}',
  '我的密码是{p}，帮我看看为什么登不上', '密码改成了{p}还是不行', '登录密码换成 {p} 了', '交易密码设置为{p}，提币失败', '账号 138{n}0000 密码 {p}',
  '資金密碼改成了 {p}', 'the password was {p}, I changed it yesterday', 'my login pass is {p} lol'];
for (let i = 0; i < 90; i++) add('secret', 'password', pick(PW).replace('{p}', password()).replace('{n}', int(10, 99)));
const hex = n => crypto.randomBytes(n).toString('hex');
const b64 = n => crypto.randomBytes(n).toString('base64').replace(/=+$/, '');
const KEYPAIR = ['key {k} and secret {s}', 'api key: {k}\nsecret: {s}', 'key：{k} 密钥：{s} 帮我看看为什么下单失败', 'here: key {k}\nsecret {s}',
  'binance api key {k} secret key {s}', 'apikey={k} secretkey={s}', 'my key is {k} and the secret is {s}, bot not working'];
for (let i = 0; i < 50; i++) {
  const v = () => pick([hex(16), hex(32), rstr(ALNUM + '0123456789', 64), b64(33)]);
  add('secret', 'api-key-pair', pick(KEYPAIR).replace('{k}', v()).replace('{s}', v()));
}
const PK = ['my private key is 0x{h} can you recover', '私钥：{h}', 'privkey {h}', 'metamask private key {h} pls help', 'import this key: 0x{h}'];
for (let i = 0; i < 40; i++) add('secret', 'private-key', pick(PK).replace('{h}', hex(32)));
const B58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
const base58check = buf => {
  const sum = crypto.createHash('sha256').update(crypto.createHash('sha256').update(buf).digest()).digest().subarray(0, 4);
  let n = BigInt('0x' + Buffer.concat([buf, sum]).toString('hex')), s = '';
  while (n > 0n) { s = B58[Number(n % 58n)] + s; n /= 58n; }
  for (const b of buf) { if (b === 0) s = '1' + s; else break; }
  return s;
};
for (let i = 0; i < 20; i++) {
  const wif = base58check(Buffer.concat([Buffer.from([0x80]), crypto.randomBytes(32), rnd() < 0.7 ? Buffer.from([1]) : Buffer.alloc(0)]));
  add('secret', 'wif', pick(['import this: {w}', 'old paper wallet {w}', '私钥 {w} 怎么导入', 'wif key {w} still has btc?']).replace('{w}', wif));
}
const B32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
for (let i = 0; i < 20; i++) {
  let k = rstr(B32, pick([16, 32]));
  if (!/[2-7]/.test(k)) k = k.slice(1) + '7';
  add('secret', '2fa-key', pick(['Google Authenticator backup key: {k}', '谷歌验证器备份密钥 {k} 帮我存一下', '2fa setup key {k}', 'authenticator secret key: {k}']).replace('{k}', k));
}
const code = () => String(int(100000, 999999));
const OTP = ['my 2FA code is {c}, quick', '验证码 {c} 帮我登录一下', 'they told me to send the code, here: {c}', '短信验证码 {c} 发你了',
  'SMS code was {c}', 'google authenticator code: {c}', 'ok I got the sms, {c}, what now?', 'the verification code is {c}', '谷歌验证码 {c}'];
for (let i = 0; i < 50; i++) add('secret', 'one-time-code', pick(OTP).replace('{c}', code()));

// ---------------------------------------------------------------- clean: prose nobody here wrote
const sampleDir = path.join(__dirname, '..', 'prose');
for (const [lang, n] of Object.entries({en: 900, zh: 900, es: 80, fr: 60, it: 80, pt: 60, cs: 60, ja: 60, ko: 60})) {
  const committed = new Set(fs.readFileSync(path.join(sampleDir, `sample-${lang}.jsonl`), 'utf8').split('\n'));
  const lines = fs.readFileSync(path.join(proseDir, `${lang}.jsonl`), 'utf8').split('\n').filter(l => l && !committed.has(l));
  for (let i = 0; i < n; i++) add('clean', 'prose-' + lang, JSON.parse(pick(lines)).text);
}
// ---------------------------------------------------------------- clean: advice and near misses
const ADVICE = ['千万别把助记词发给任何人，包括自称客服的人', '助记词只能抄在纸上，别拍照，别存网盘', '有人私聊让你提供助记词？直接拉黑举报',
  '交易所永远不会问你要私钥和助记词', 'Never give your 12 words to anyone who DMs you', 'Real admins will never ask for your seed phrase or 2FA code',
  'Your seed phrase = your money. Keep it offline and never type it on a website', '请妥善保管助记词，丢失无法找回', 'Do not share the SMS code with anyone, it is for you only',
  'Never send your private key to support, we will never ask for it', '不要把验证码告诉任何人，包括官方客服', '密码改成了更强的，大家也记得定期改密码',
  'I changed my password yesterday', 'set your password to at least 12 characters with symbols', 'your password is your responsibility'];
for (const a of ADVICE) add('clean', 'advice', a);
for (let i = 0; i < 40; i++) add('clean', 'advice', pick(ADVICE) + pick(['', ' 谢谢大家', ' stay safe', '！', ' (pinned)']));
const NEAR = [
  () => `txid 0x${hex(32)} still not arrived`, () => `交易哈希: 0x${hex(32)} 还没到账`, () => `deposit to 0x${hex(20)} please`,
  () => `order ${int(100000, 99999999)} still pending`, () => `price ${int(20000, 99000)} USDT now`, () => `code 200 from the api then nothing`,
  () => `my uid ${int(10000000, 99999999)}`, () => `邀请码 ${int(100000, 999999)} 注册送奖励`, () => `since ${int(2015, 2025)} I trade here`,
  () => `public key 02${hex(32)}`, () => `https://etherscan.io/tx/0x${hex(32)}`, () => `订单号 ${int(1e11, 9e11)} 一直没到账`,
  () => `withdraw ${int(1, 9)}.${int(100000, 999999)} BTC fee?`, () => `error code ${int(10000, 99999)} when withdrawing`,
];
for (let i = 0; i < 300; i++) add('clean', 'near-miss', pick(NEAR)());
// list words that are no phrase: eleven after a label, or twelve with a wrong checksum and no cue
const en = bip39.wordlists.english;
for (let i = 0; i < 60; i++) {
  const w = Array.from({length: 11}, () => pick(en));
  add('clean', 'near-miss-words', pick(['my seed phrase: ', 'words: ', '', 'I like ']) + w.join(' '));
}
for (let i = 0; i < 60; i++) {
  let w;
  do { w = Array.from({length: 12}, () => pick(en)); } while (bip39.validateMnemonic(w.join(' ')));
  add('clean', 'near-miss-words', w.join(' '));
}

// ---------------------------------------------------------------- split
for (let i = items.length - 1; i > 0; i--) { const j = int(0, i); [items[i], items[j]] = [items[j], items[i]]; }
const half = Math.floor(items.length / 2);
fs.mkdirSync(outDir, {recursive: true});
const write = (f, xs) => fs.writeFileSync(path.join(outDir, f), xs.map(x => JSON.stringify(x)).join('\n') + '\n');
write('tuning.jsonl', items.slice(0, half));
write('heldout.jsonl', items.slice(half));
console.log(`${items.length} items: ${items.filter(x => x.label === 'secret').length} secrets, split ${half}/${items.length - half}`);
