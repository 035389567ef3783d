package org.m365mcp.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import org.junit.jupiter.api.Test;

class AnswerHandOffTest {

    private final AnswerHandOff handOff = new AnswerHandOff();

    @Test
    void offer_forTheOpenedMethod_isTheCallsAnswer() throws Exception {
        try (AnswerHandOff.Open open = handOff.open(method("tool"))) {
            assertThat(handOff.offer(method("tool"), "{\"a\":1}")).isTrue();
            assertThat(open.answer()).contains("{\"a\":1}");
        }
    }

    @Test
    void offer_forAMethodTheToolCallsInside_isRefused() throws Exception {
        try (AnswerHandOff.Open open = handOff.open(method("tool"))) {
            assertThat(handOff.awaits(method("inner"))).isFalse();
            assertThat(handOff.offer(method("inner"), "{}")).isFalse();
            assertThat(open.answer()).isEmpty();
        }
    }

    @Test
    void offer_aSecondTime_isRefusedAndTheFirstAnswerStays() throws Exception {
        try (AnswerHandOff.Open open = handOff.open(method("tool"))) {
            handOff.offer(method("tool"), "{\"first\":true}");
            assertThat(handOff.offer(method("tool"), "{}")).isFalse();
            assertThat(open.answer()).contains("{\"first\":true}");
        }
    }

    @Test
    void offer_withNothingOpen_isRefused() throws Exception {
        assertThat(handOff.offer(method("tool"), "{}")).isFalse();
    }

    @Test
    void offer_afterClose_isRefused() throws Exception {
        handOff.open(method("tool")).close();

        assertThat(handOff.awaits(method("tool"))).isFalse();
    }

    @Test
    void close_ofAnInnerOpen_letsTheOuterOneAwaitAgain() throws Exception {
        try (AnswerHandOff.Open outer = handOff.open(method("tool"))) {
            handOff.open(method("inner")).close();

            assertThat(handOff.offer(method("tool"), "{}")).isTrue();
            assertThat(outer.answer()).contains("{}");
        }
    }

    @Test
    void offer_fromAnotherThread_isRefused() throws Exception {
        try (AnswerHandOff.Open open = handOff.open(method("tool"))) {
            boolean[] taken = new boolean[1];
            Thread other = new Thread(() -> taken[0] = handOff.offer(methodUnchecked(), "{}"));
            other.start();
            other.join();

            assertThat(taken[0]).isFalse();
            assertThat(open.answer()).isEmpty();
        }
    }

    private static Method methodUnchecked() {
        try {
            return method("tool");
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Method method(String name) throws NoSuchMethodException {
        return Tools.class.getDeclaredMethod(name);
    }

    static final class Tools {
        String tool() {
            return "";
        }

        String inner() {
            return "";
        }
    }
}
