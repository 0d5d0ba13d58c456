package dev.weft.nn.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** JSON string literals: every escape RFC 8259 requires, and nothing else escaped. */
class JsonStringsTest {
    @Test
    void escapesQuoteBackslashAndControlCharacters() {
        String s = "a\"b\\c\bd\fe\nf\rg\th" + (char) 1 + (char) 0x1f + " ü→😀/";
        assertEquals("\"a\\\"b\\\\c\\bd\\fe\\nf\\rg\\th\\u0001\\u001f ü→😀/\"", JsonStrings.quote(new StringBuilder(), s).toString());
        assertEquals("x:\"\"", JsonStrings.quote(new StringBuilder("x:"), "").toString());
    }
}
