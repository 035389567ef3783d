package org.m365mcp.tools.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.m365mcp.tools.mail.RuleOrder.Move;

class RuleOrderTest {

    private static final List<String> ABCD = List.of("a", "b", "c", "d");

    @Test
    void moved_eachDirection_movesOneRuleAndKeepsTheOthersInOrder() {
        assertThat(RuleOrder.moved(ABCD, "c", Move.TOP)).containsExactly("c", "a", "b", "d");
        assertThat(RuleOrder.moved(ABCD, "b", Move.BOTTOM)).containsExactly("a", "c", "d", "b");
        assertThat(RuleOrder.moved(ABCD, "c", Move.UP)).containsExactly("a", "c", "b", "d");
        assertThat(RuleOrder.moved(ABCD, "b", Move.DOWN)).containsExactly("a", "c", "b", "d");
    }

    @Test
    void moved_firstUpOrLastDown_isUnchanged() {
        assertThat(RuleOrder.moved(ABCD, "a", Move.UP)).isEqualTo(ABCD);
        assertThat(RuleOrder.moved(ABCD, "a", Move.TOP)).isEqualTo(ABCD);
        assertThat(RuleOrder.moved(ABCD, "d", Move.DOWN)).isEqualTo(ABCD);
        assertThat(RuleOrder.moved(ABCD, "d", Move.BOTTOM)).isEqualTo(ABCD);
    }

    @Test
    void moved_unknownId_throws() {
        assertThatThrownBy(() -> RuleOrder.moved(ABCD, "x", Move.UP)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void inserted_positionBeyondTheEnd_appends() {
        assertThat(RuleOrder.inserted(ABCD, "n", 2)).containsExactly("a", "n", "b", "c", "d");
        assertThat(RuleOrder.inserted(ABCD, "n", 99)).containsExactly("a", "b", "c", "d", "n");
        assertThat(RuleOrder.inserted(List.of(), "n", 1)).containsExactly("n");
    }

    @Test
    void renumbering_afterAMove_patchesOnlyChangedSequencesInAscendingOrder() {
        Map<String, Integer> current = sequences(1, 2, 3, 4);

        Map<String, Integer> changes = RuleOrder.renumbering(current, List.of("c", "a", "b", "d"));

        assertThat(changes).containsExactly(Map.entry("c", 1), Map.entry("a", 2), Map.entry("b", 3));
    }

    @Test
    void renumbering_gapsAndTies_becomeDense() {
        Map<String, Integer> current = sequences(2, 2, 7, 9);

        assertThat(RuleOrder.renumbering(current, ABCD))
                .containsExactly(Map.entry("a", 1), Map.entry("c", 3), Map.entry("d", 4));
    }

    @Test
    void renumbering_denseAndInOrder_changesNothing() {
        assertThat(RuleOrder.renumbering(sequences(1, 2, 3, 4), ABCD)).isEmpty();
    }

    private static Map<String, Integer> sequences(int a, int b, int c, int d) {
        Map<String, Integer> map = new LinkedHashMap<>();
        map.put("a", a);
        map.put("b", b);
        map.put("c", c);
        map.put("d", d);
        return map;
    }
}
