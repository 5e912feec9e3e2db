package dev.accrue.credit.certificate.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code openbadges/verify.mjs} under Node with verifiers nobody here wrote: {@code jose} for the VC-JWT
 * signatures and {@code ajv} with 1EdTech's published OB 3.0 schema (installed from npm once per build into
 * {@code target/openbadges-verifier}). {@link #available()} is false without node and npm.
 */
final class OutsideVerifier {

    private static final Path DIR = Path.of("target", "openbadges-verifier").toAbsolutePath();
    private static final List<String> PACKAGES = List.of("jose@5.10.0", "ajv@8.17.1", "ajv-formats@3.0.1");

    static boolean available() {
        return run(List.of("node", "--version"), Path.of(".")) == 0 && run(List.of("npm", "--version"), Path.of(".")) == 0;
    }

    /** What the outside verifier found, as JSON; fails when it could not verify at all. */
    static JsonNode verify(String credential, String jwks, String statusList) throws IOException {
        install();
        Files.writeString(DIR.resolve("credential.jwt"), credential);
        Files.writeString(DIR.resolve("jwks.json"), jwks);
        Files.writeString(DIR.resolve("status.jwt"), statusList);
        Process process = new ProcessBuilder("node", "verify.mjs", "credential.jwt", "jwks.json", "status.jwt",
                "schema.json").directory(DIR.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (waitFor(process) != 0) {
            throw new AssertionError("The outside verifier refused the credential:\n" + output);
        }
        return new ObjectMapper().readTree(output.lines().reduce((a, b) -> b).orElseThrow());
    }

    private static synchronized void install() throws IOException {
        Files.createDirectories(DIR);
        copy("openbadges/verify.mjs", "verify.mjs");
        copy("openbadges/ob_v3p0_achievementcredential_schema.json", "schema.json");
        if (!Files.isDirectory(DIR.resolve("node_modules/jose"))) {
            Files.writeString(DIR.resolve("package.json"), "{\"name\":\"accrue-openbadges-verifier\",\"private\":true,"
                    + "\"type\":\"module\"}");
            List<String> command = new ArrayList<>(List.of("npm", "install", "--no-audit", "--no-fund",
                    "--silent"));
            command.addAll(PACKAGES);
            if (run(command, DIR) != 0) {
                throw new AssertionError("npm could not install " + PACKAGES);
            }
        }
    }

    private static void copy(String resource, String file) throws IOException {
        try (InputStream in = OutsideVerifier.class.getClassLoader().getResourceAsStream(resource)) {
            Files.copy(in, DIR.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static int run(List<String> command, Path dir) {
        try {
            Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return waitFor(process);
        } catch (IOException e) {
            return -1;
        }
    }

    private static int waitFor(Process process) {
        try {
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                return -1;
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private OutsideVerifier() {
    }
}
