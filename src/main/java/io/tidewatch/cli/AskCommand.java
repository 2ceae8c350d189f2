package io.tidewatch.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tidewatch.core.Author;
import io.tidewatch.core.BrandProfile;
import io.tidewatch.core.Category;
import io.tidewatch.core.Finding;
import io.tidewatch.core.Platform;
import io.tidewatch.core.Post;
import io.tidewatch.core.PostKind;
import io.tidewatch.detect.Detectors;
import io.tidewatch.support.Button;
import io.tidewatch.support.SupportAnswer;
import io.tidewatch.support.SupportResponder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code ask "question"}: prints the support answer the bot would send, as text or as JSON (DESIGN.md contract). */
@Command(name = "ask", mixinStandardHelpOptions = true,
        description = "Print the support answer the bot would send to a question.")
public final class AskCommand implements Callable<Integer> {
    enum Format { text, json }

    enum Target { telegram, twitter, local }

    enum Kind { dm, mention }

    @Mixin
    RulesOptions rules;

    @Option(names = "--platform", paramLabel = "PLATFORM", defaultValue = "local",
            description = "Answer as on telegram (HTML), twitter or local (plain text). Default: ${DEFAULT-VALUE}.")
    Target platform;

    @Option(names = "--kind", defaultValue = "dm", description = "dm or mention (a public @mention). Default: ${DEFAULT-VALUE}.")
    Kind kind;

    @Option(names = "--format", defaultValue = "text", description = "text or json. Default: ${DEFAULT-VALUE}.")
    Format format;

    @Option(names = "--language", paramLabel = "CODE", description = "Language hint, as a platform would give it (zh, en).")
    String language;

    @Parameters(arity = "1..*", paramLabel = "QUESTION", description = "The question (several words are joined).")
    List<String> question;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        BrandProfile brand = rules.brand();
        SupportResponder responder = SupportResponder.load(rules.rulesDir(), brand);
        Platform p = switch (platform) {
            case telegram -> Platform.TELEGRAM;
            case twitter -> Platform.TWITTER;
            case local -> Platform.LOCAL;
        };
        Post post = new Post("ask", p, kind == Kind.dm ? PostKind.DM : PostKind.MENTION, "ask", Instant.now(),
                new Author("", null, null), String.join(" ", question), List.of(), language);
        // the answer needs the secrets only: the other detectors (the scam model trains when built) cost seconds here
        List<Finding> secrets = Detectors.secretScanner(rules.rulesDir(), rules.extraSecrets()).inspect(post).stream()
                .filter(f -> f.category() == Category.SECRET).toList();
        SupportAnswer answer = responder.answer(post, secrets, Instant.now());
        PrintWriter out = spec.commandLine().getOut();
        if (format == Format.json) {
            ObjectMapper json = new ObjectMapper();
            ObjectNode node = json.createObjectNode();
            node.put("topic", answer.topic());
            node.put("language", answer.language());
            answer.channels().forEach(node.putArray("channels")::add);
            node.put("text", answer.text());
            out.println(json.writeValueAsString(node));
        } else {
            out.println(answer.text());
            for (Button b : answer.buttons()) {
                out.println("[" + b.label() + "] " + (b.url() != null ? b.url() : "(callback " + b.callbackData() + ")"));
            }
        }
        out.flush();
        return 0;
    }
}
