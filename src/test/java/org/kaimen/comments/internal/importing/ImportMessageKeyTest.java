package org.kaimen.comments.internal.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ImportMessageKeyTest {

    @Test
    void every_message_key_is_unique_and_shaped_like_an_i18n_key() {
        assertThat(Arrays.stream(ImportMessageKey.values()).map(ImportMessageKey::key))
                .doesNotHaveDuplicates()
                .allMatch(key -> key.matches("import\\.(file|error|warning)\\.[a-z]+(-[a-z]+)*"));
    }

    @Test
    void the_keys_named_in_the_brief_are_all_there() {
        assertThat(Arrays.stream(ImportMessageKey.values()).map(ImportMessageKey::key)).contains(
                "import.error.stance", "import.error.text-missing", "import.error.text-too-long",
                "import.error.provision", "import.error.channel", "import.error.station-missing",
                "import.error.email", "import.error.phone", "import.error.date", "import.error.date-future",
                "import.file.unreadable", "import.file.type", "import.file.empty", "import.file.missing-column");
    }
}
