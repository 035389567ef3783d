package org.m365mcp.mcp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Ranks tools by words with Okapi BM25 over two fields: the name's words (weighted {@value #NAME_WEIGHT}
 * times: {@code email_list} is about listing email) and the description with the parameter names. Small
 * on purpose: a hundred short documents need no search library.
 *
 * <ul>
 *   <li>Words are lower-cased, plurals folded ({@code emails} → {@code email}) and a few synonyms
 *       mapped onto the catalogue's words ({@code mail}, {@code message} → {@code email};
 *       {@code meeting} → {@code event}; {@code document} → {@code file}; {@code person} → {@code contact}).</li>
 *   <li>Immutable once built; thread-safe.</li>
 * </ul>
 */
final class ToolSearchIndex {

    private static final double K1 = 1.2;
    private static final double B = 0.75;
    private static final double NAME_WEIGHT = 3;
    private static final Set<String> STOP_WORDS = Set.of(
            "a", "an", "the", "of", "to", "in", "on", "or", "and", "for", "by", "with", "is", "it", "its", "my", "me",
            "i", "from", "at", "as", "be", "this", "that", "all");
    private static final Map<String, String> SYNONYMS = Map.ofEntries(
            Map.entry("mail", "email"),
            Map.entry("message", "email"),
            Map.entry("meeting", "event"),
            Map.entry("appointment", "event"),
            Map.entry("document", "file"),
            Map.entry("person", "contact"),
            Map.entry("people", "contact"),
            Map.entry("onedrive", "file"),
            Map.entry("drive", "file"));

    private final List<ToolMethod> tools;
    private final Field names = new Field();
    private final Field bodies = new Field();
    private final Map<String, Integer> documentFrequency = new HashMap<>();

    ToolSearchIndex(List<ToolMethod> tools) {
        this.tools = List.copyOf(tools);
        for (ToolMethod tool : this.tools) {
            List<String> body = new ArrayList<>(terms(tool.annotation().description()));
            tool.parameters().forEach(p -> body.addAll(terms(p.jsonName())));
            List<String> name = terms(tool.name());
            names.add(name);
            bodies.add(body);
            Set<String> distinct = new HashSet<>(name);
            distinct.addAll(body);
            distinct.forEach(word -> documentFrequency.merge(word, 1, Integer::sum));
        }
    }

    /** The tools that match any of the query's words, best first, at most {@code limit}. */
    List<ToolMethod> search(String query, int limit) {
        List<String> words = terms(query).stream().distinct().toList();
        List<Map.Entry<ToolMethod, Double>> scored = new ArrayList<>();
        for (int i = 0; i < tools.size(); i++) {
            double score = 0;
            for (String word : words) {
                int containing = documentFrequency.getOrDefault(word, 0);
                if (containing > 0) {
                    double idf = Math.log(1 + (tools.size() - containing + 0.5) / (containing + 0.5));
                    score += idf * (NAME_WEIGHT * names.weight(i, word) + bodies.weight(i, word));
                }
            }
            if (score > 0) {
                scored.add(Map.entry(tools.get(i), score));
            }
        }
        return scored.stream()
                .sorted(Comparator.<Map.Entry<ToolMethod, Double>>comparingDouble(Map.Entry::getValue)
                        .reversed()
                        .thenComparing(e -> e.getKey().name()))
                .limit(limit)
                .map(Map.Entry::getKey)
                .toList();
    }

    /** The index's words of a text: lower-cased, split at anything not a letter or digit, folded. */
    static List<String> terms(String text) {
        return Arrays.stream(text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"))
                .filter(word -> !word.isEmpty() && !STOP_WORDS.contains(word))
                .flatMap(word -> word.startsWith("email") && word.length() > "email".length()
                        ? Stream.of("email", word.substring("email".length())) // emailfolders, emailrules
                        : Stream.of(word))
                .map(ToolSearchIndex::fold)
                .toList();
    }

    private static String fold(String word) {
        String stem = word;
        if (stem.length() > 4 && stem.endsWith("ies")) {
            stem = stem.substring(0, stem.length() - 3) + "y";
        } else if (stem.length() > 3 && stem.endsWith("s") && !stem.endsWith("ss")) {
            stem = stem.substring(0, stem.length() - 1);
        }
        return SYNONYMS.getOrDefault(stem, stem);
    }

    /** One field of every tool: its word counts and lengths, for BM25's saturation and length norm. */
    private static final class Field {
        private final List<Map<String, Integer>> counts = new ArrayList<>();
        private final List<Integer> lengths = new ArrayList<>();
        private long total;

        void add(List<String> words) {
            Map<String, Integer> count = new HashMap<>();
            words.forEach(word -> count.merge(word, 1, Integer::sum));
            counts.add(count);
            lengths.add(words.size());
            total += words.size();
        }

        /** BM25's term weight of {@code word} in document {@code i}, without the idf. */
        double weight(int i, String word) {
            int frequency = counts.get(i).getOrDefault(word, 0);
            if (frequency == 0) {
                return 0;
            }
            double average = (double) total / counts.size();
            return frequency * (K1 + 1) / (frequency + K1 * (1 - B + B * lengths.get(i) / average));
        }
    }
}
