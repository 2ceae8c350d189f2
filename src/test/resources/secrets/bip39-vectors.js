// Regenerates src/test/resources/secrets/bip39-vectors.tsv with the npm "bip39" package (an
// implementation independent of Tidewatch) from the entropies of the BIP-39 reference vectors.
const bip39 = require('bip39');
const fs = require('fs');
const entropies = process.argv.slice(3);
const langs = ['english','chinese_simplified','chinese_traditional','czech','french','italian','japanese','korean','portuguese','spanish'];
let out = '# language\tentropy\tmnemonic (NFKD, as bip39 ' + require('bip39/package.json').version + ' writes it)\n';
for (const l of langs) for (const e of entropies) out += l + '\t' + e + '\t' + bip39.entropyToMnemonic(e, bip39.wordlists[l]) + '\n';
fs.writeFileSync(process.argv[2], out);
