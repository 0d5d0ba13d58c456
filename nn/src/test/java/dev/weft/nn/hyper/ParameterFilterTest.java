package dev.weft.nn.hyper;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class ParameterFilterTest {
    @Test
    void globStarCrossesDotsAndQuestionMarkIsOneCharacter() {
        ParameterFilter w = ParameterFilter.glob("*.weight");
        assertTrue(w.matches("0.weight"));
        assertTrue(w.matches("encoder.layers.1.weight"));
        assertFalse(w.matches("0.bias"));
        assertFalse(w.matches("weight"), "the dot is literal");
        ParameterFilter q = ParameterFilter.glob("?.bias");
        assertTrue(q.matches("2.bias"));
        assertFalse(q.matches("12.bias"));
        assertTrue(ParameterFilter.glob("a+b.(x)").matches("a+b.(x)"), "regex characters are literal in a glob");
    }

    @Test
    void regexMustMatchTheWholeName() {
        ParameterFilter r = ParameterFilter.regex("[02]\\.weight");
        assertTrue(r.matches("0.weight"));
        assertFalse(r.matches("1.weight"));
        assertFalse(r.matches("10.weight"));
        var e = assertThrows(IllegalArgumentException.class, () -> ParameterFilter.regex("(unclosed"));
        assertTrue(e.getMessage().startsWith("ParameterFilter.regex: '(unclosed' is not a valid regular expression"), e.getMessage());
        assertTrue(ParameterFilter.all().matches("anything.at.all"));
    }
}
