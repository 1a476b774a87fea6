package org.kaimen.analysis.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManagedElasticsearchNodeTest {

    @TempDir
    Path jdks;

    @Test
    void theNewestJdkThatVectorizesAndThatElasticsearchRunsOnIsChosen() throws IOException {
        jdk("java-17-openjdk-amd64", "17.0.15");
        jdk("temurin-21-jdk-amd64", "21.0.4");
        jdk("temurin-25-jdk-amd64", "25.0.3");
        jdk("openjdk-26-ea", "26-ea");
        assertThat(ManagedElasticsearchNode.javaHome(jdks, "/fallback"))
                .isEqualTo(jdks.resolve("temurin-25-jdk-amd64").toString());
    }

    @Test
    void withOnlyOldJdksTheApplicationsOwnJavaRunsTheNode() throws IOException {
        jdk("java-17-openjdk-amd64", "17.0.15");
        jdk("java-1.8.0-openjdk-amd64", "1.8.0_402");
        assertThat(ManagedElasticsearchNode.javaHome(jdks, "/fallback")).isEqualTo("/fallback");
        assertThat(ManagedElasticsearchNode.javaHome(jdks.resolve("missing"), "/fallback")).isEqualTo("/fallback");
    }

    @Test
    void aJdkWithoutAJavaLauncherOrReleaseFileIsSkipped() throws IOException {
        Path broken = Files.createDirectories(jdks.resolve("temurin-25-jre-broken"));
        Files.writeString(broken.resolve("release"), "JAVA_VERSION=\"25.0.1\"\n");
        Files.createDirectories(jdks.resolve("no-release/bin"));
        jdk("temurin-21-jdk-amd64", "21.0.4");
        assertThat(ManagedElasticsearchNode.javaHome(jdks, "/fallback"))
                .isEqualTo(jdks.resolve("temurin-21-jdk-amd64").toString());
        assertThat(ManagedElasticsearchNode.javaVersion(jdks.resolve("no-release"))).isZero();
    }

    private void jdk(String name, String version) throws IOException {
        Path home = Files.createDirectories(jdks.resolve(name).resolve("bin"));
        Path java = Files.createFile(home.resolve("java"), PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwxr-xr-x")));
        assertThat(java).isExecutable();
        Files.writeString(jdks.resolve(name).resolve("release"),
                "IMPLEMENTOR=\"Test\"\nJAVA_RUNTIME_VERSION=\"" + version + "+1\"\nJAVA_VERSION=\"" + version + "\"\n");
    }
}
