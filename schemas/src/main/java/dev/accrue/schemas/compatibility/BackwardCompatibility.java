package dev.accrue.schemas.compatibility;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.Incompatibility;

/**
 * Checks that a schema stays BACKWARD compatible with every released version of it: a consumer using the
 * new schema must read everything written with any older one. This is the rule the registry enforces per
 * subject, checked here with Avro's own {@link SchemaCompatibility} so a breaking change fails the build
 * before it reaches a registry. See schemas/README.md, "Changing a contract".
 */
public final class BackwardCompatibility {

    /** Every reason the new schema cannot read data written with the old one; empty when compatible. */
    public static List<String> problems(Schema current, Schema released) {
        return SchemaCompatibility.checkReaderWriterCompatibility(current, released)
                .getResult()
                .getIncompatibilities()
                .stream()
                .map(i -> describe(i, current))
                .toList();
    }

    /**
     * Problems of the current schema against each released version found in the history folder. Released
     * versions live in {@code src/main/avro-history/<RecordName>/v<N>.avsc}, one self-contained schema per
     * file; releasing a version means copying the current schema there.
     */
    public static List<String> problemsAgainstHistory(Schema current, Path historyDir) {
        List<String> problems = new ArrayList<>();
        for (Path version : releasedVersions(historyDir)) {
            for (String problem : problems(current, parse(version))) {
                problems.add(historyDir.getFileName() + "/" + version.getFileName() + ": " + problem);
            }
        }
        return problems;
    }

    public static List<Path> releasedVersions(Path historyDir) {
        try (Stream<Path> files = Files.list(historyDir)) {
            return files.filter(p -> p.getFileName().toString().matches("v\\d+\\.avsc")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Schema parse(Path file) {
        try {
            return new Schema.Parser().parse(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String describe(Incompatibility incompatibility, Schema reader) {
        return incompatibility.getType() + " at " + fieldPath(incompatibility.getLocation(), reader)
                + ": " + incompatibility.getMessage();
    }

    /** Turns Avro's JSON-pointer location ("/fields/0/type") into field names ("eventId"). */
    private static String fieldPath(String location, Schema reader) {
        String[] parts = location.split("/");
        List<String> names = new ArrayList<>();
        Schema schema = reader;
        for (int i = 0; i < parts.length - 1; i++) {
            if (parts[i].equals("fields") && schema.getType() == Schema.Type.RECORD && parts[i + 1].matches("\\d+")) {
                Schema.Field field = schema.getFields().get(Integer.parseInt(parts[i + 1]));
                names.add(field.name());
                schema = field.schema();
            }
        }
        return names.isEmpty() ? location : String.join(".", names) + " (" + location + ")";
    }

    private BackwardCompatibility() {
    }
}
