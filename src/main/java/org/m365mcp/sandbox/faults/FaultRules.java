package org.m365mcp.sandbox.faults;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The faults currently injected, in the order they were added; the first matching rule with
 * requests left applies.
 *
 * <ul>
 *   <li>Thread-safe: a rule with a count affects exactly that many requests, also when they race.
 *   <li>A rule whose count is used up stays listed with {@code remaining} 0 until cleared.
 * </ul>
 */
public final class FaultRules {

    /** A rule and how many more requests it affects ({@code null} for unlimited). */
    public record Active(FaultRule rule, Integer remaining) {}

    private record Slot(FaultRule rule, AtomicInteger remaining, AtomicInteger toSkip) {

        boolean claim() {
            if (toSkip.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0) {
                return false;
            }
            if (remaining == null) {
                return true;
            }
            return remaining.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0;
        }
    }

    private final List<Slot> slots = new CopyOnWriteArrayList<>();

    public void add(FaultRule rule) {
        slots.add(new Slot(
                rule, rule.count() == null ? null : new AtomicInteger(rule.count()), new AtomicInteger(rule.skip())));
    }

    /** Replaces every rule by {@code rules}. */
    public synchronized void replace(List<FaultRule> rules) {
        slots.clear();
        rules.forEach(this::add);
    }

    public void clear() {
        slots.clear();
    }

    /** The rule that applies to this request, using up one of its count; empty when none does. */
    public Optional<FaultRule> claim(String method, String path) {
        for (Slot slot : slots) {
            if (slot.rule().matches(method, path) && slot.claim()) {
                return Optional.of(slot.rule());
            }
        }
        return Optional.empty();
    }

    public List<Active> list() {
        return slots.stream()
                .map(s -> new Active(
                        s.rule(), s.remaining() == null ? null : s.remaining().get()))
                .toList();
    }
}
