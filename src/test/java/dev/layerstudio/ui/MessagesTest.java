package dev.layerstudio.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.layerstudio.ui.wizard.Step;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every text key that the views and controllers use exists in the bundle. */
class MessagesTest {

    private static final Pattern FXML_KEY = Pattern.compile("\"%([a-zA-Z0-9_.]+)\"");
    private static final Pattern JAVA_KEY = Pattern.compile("(?:getString|text)\\(\"([a-zA-Z][a-zA-Z0-9_]*\\.[a-zA-Z0-9_.]+)\"");

    private final ResourceBundle bundle = ResourceBundle.getBundle("dev.layerstudio.ui.messages");

    @Test
    void everyKeyUsedExists() throws IOException {
        Set<String> used = new TreeSet<>();
        collect(Path.of("src/main/resources/dev/layerstudio/ui"), ".fxml", FXML_KEY, used);
        collect(Path.of("src/main/java/dev/layerstudio/ui"), ".java", JAVA_KEY, used);
        for (Step s : Step.values()) {
            used.add("step." + s.key());
            used.add("step." + s.key() + ".hint");
        }
        assertThat(used).isNotEmpty();
        assertThat(used).allSatisfy(key -> assertThat(bundle.containsKey(key)).as(key).isTrue());
    }

    private static void collect(Path root, String suffix, Pattern pattern, Set<String> into) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(p -> p.toString().endsWith(suffix)).toList()) {
                Matcher m = pattern.matcher(Files.readString(f));
                while (m.find()) {
                    into.add(m.group(1));
                }
            }
        }
    }
}
