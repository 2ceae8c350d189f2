package io.tidewatch.detect.secrets;

import com.google.re2j.Pattern;

import java.util.List;

/**
 * The words that tell a seed phrase handed over from a sentence about seed phrases, read from the
 * bip39 rule's extension fields in {@code rules/secrets.toml} so a community team can grow them.
 *
 * @param labels       say that a phrase follows ("my recovery phrase is", "助记词：")
 * @param labelFillers may stand between a label and the phrase ("is", "are", "below", "是", "如下")
 * @param adviceWords  negation and imperatives of safety advice ("never", "don't", "不要", "千万", "任何人")
 * @param adviceExceptions questions that hold an advice word but advise nothing ("能不能", "会不会", "anyone know")
 * @param proseWords   list words that are common in English sentences ("you", "this", "will")
 * @param grammarChars Chinese function characters (的, 了, 是…): a run of them is a sentence
 * @param maxGrammarChars how many of them an unspaced Chinese phrase after a label may hold
 * @param maxGrammarCharsSpaced how many of them a spaced-out (or listed) Chinese phrase of 12 may hold
 *                              (scaled for longer phrases); a random phrase rarely holds more than one
 * @param groupLabel   what a line may open with when a phrase is handed over in parts ("words 1-4:", "前六个：", or
 *                     "第一段 " with a space at a line's start); such labels count as separators between the words (null: none)
 * @param maskCues     say that a word of a phrase was hidden ("hid one word", "遮了一个字"): a phrase one word short with
 *                     a mask ("*****") in its place is still handed over (the word is one of 2,048, the checksum narrows it)
 */
public record PhraseCues(List<String> labels, List<String> labelFillers, List<String> adviceWords, List<String> adviceExceptions,
                         List<String> proseWords, List<String> grammarChars, int maxGrammarChars,
                         int maxGrammarCharsSpaced, Pattern groupLabel, List<String> maskCues) {
    public PhraseCues {
        labels = List.copyOf(labels);
        labelFillers = List.copyOf(labelFillers);
        adviceWords = List.copyOf(adviceWords);
        adviceExceptions = List.copyOf(adviceExceptions);
        proseWords = List.copyOf(proseWords);
        grammarChars = List.copyOf(grammarChars);
        maskCues = List.copyOf(maskCues);
    }

    public static PhraseCues none() {
        return new PhraseCues(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), 0, 0, null, List.of());
    }
}
