package dev.accrue.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The hand-written validator against the JDK's strict UTF-8 decoder, on edge cases and seeded random bytes. */
class Utf8ValidatorTest {

    @ParameterizedTest
    @ValueSource(strings = {"", "41", "C280", "DFBF", "E0A080", "ED9FBF", "EE8080", "EFBFBF", "F0908080", "F48FBFBF",
            "C0AF", "C1BF", "E080AF", "EDA080", "EDBFBF", "F08F8080", "F4908080", "F5808080", "FF", "80", "BF",
            "C328", "E282", "F09080", "E28228", "C2C2"})
    void agreesWithTheJdkOnTheBoundariesOfEveryForm(String hex) {
        byte[] bytes = HexFormat.of().parseHex(hex);
        assertThat(validates(bytes)).as(hex).isEqualTo(jdkDecodes(bytes));
    }

    @Test
    void agreesWithTheJdkOnRandomBytesBiasedTowardsMultiByteForms() {
        SplittableRandom random = new SplittableRandom(20261202);
        int[] interesting = {0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF, 0xE0, 0xE1,
                0xEC, 0xED, 0xEE, 0xEF, 0xF0, 0xF1, 0xF3, 0xF4, 0xF5, 0xFF};
        for (int i = 0; i < 200_000; i++) {
            byte[] bytes = new byte[random.nextInt(1, 9)];
            for (int j = 0; j < bytes.length; j++) {
                bytes[j] = (byte) (random.nextBoolean() ? interesting[random.nextInt(interesting.length)] : random.nextInt(256));
            }
            assertThat(validates(bytes)).as(HexFormat.of().formatHex(bytes)).isEqualTo(jdkDecodes(bytes));
        }
    }

    @Test
    void aSequenceSplitAcrossReadsIsStillChecked() {
        byte[] euro = "€".getBytes(StandardCharsets.UTF_8);
        Utf8Validator validator = new Utf8Validator();
        validator.accept(euro, 0, 1);
        validator.accept(euro, 1, 2);
        validator.end();
    }

    private static boolean validates(byte[] bytes) {
        Utf8Validator validator = new Utf8Validator();
        try {
            validator.accept(bytes, 0, bytes.length);
            validator.end();
            return true;
        } catch (MalformedBodyException e) {
            return false;
        }
    }

    private static boolean jdkDecodes(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
