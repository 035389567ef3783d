package org.m365mcp.sandbox.delta;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.m365mcp.sandbox.common.GraphRequest;
import org.m365mcp.sandbox.odata.ODataSelect;

/**
 * Answers one request of a delta round, Graph's way (delta-query-overview.md):
 *
 * <ul>
 *   <li>Without a token: the collection as it is now, in pages; each page but the last has an
 *       {@code @odata.nextLink} with a skip token, the last an {@code @odata.deltaLink} with a delta
 *       token that stands for the log's head when the round began, so a change made while the client
 *       pages shows in the next round (possibly again: Graph allows replays).
 *   <li>With a delta token: the items changed since, each once in its latest state, or removed
 *       ({@link DeltaSource#removed}) when no longer in the collection; paged the same way.
 *   <li>An unknown, foreign, expired or evicted token: 410 Gone with the style's error and a
 *       {@code Location} that starts a fresh round.
 *   <li>Page size: {@code Prefer: odata.maxpagesize=n} (echoed in {@code Preference-Applied}), else
 *       {@code $top} where allowed, else the style's default. Query options of the first request are
 *       carried in the tokens, so links hold only the token.
 * </ul>
 */
public final class DeltaQuery {

    /** Removed items, which have no order key of their own, come after the present ones. */
    private static final String REMOVED_KEY = "\uffff";

    private final String accountId;
    private final String type;
    private final DeltaStyle style;
    private final Set<String> options;
    private final Clock clock;

    /**
     * @param type    the entity type without namespace ({@code message}), for {@code @odata.context} and
     *                {@code @odata.type}
     * @param options the query options this collection takes on the first request
     */
    public DeltaQuery(String accountId, String type, DeltaStyle style, Set<String> options, Clock clock) {
        this.accountId = Objects.requireNonNull(accountId, "accountId");
        this.type = Objects.requireNonNull(type, "type");
        this.style = Objects.requireNonNull(style, "style");
        this.options = Set.copyOf(options);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The answer to {@code request}; {@code sources} builds the collection for a round's query options. */
    public Response answer(GraphRequest request, Function<Map<String, String>, DeltaSource> sources) {
        Optional<String> skipText = request.param(style.skipParam());
        Optional<String> deltaText = request.param(style.deltaParam());
        String tokenText = skipText.or(() -> deltaText).orElse(null);
        if (tokenText == null) {
            Map<String, String> given = new LinkedHashMap<>();
            options.forEach(name -> request.param(name).ifPresent(value -> given.put(name, value)));
            DeltaSource source = sources.apply(given);
            return page(
                    request,
                    source,
                    new DeltaToken(
                            accountId,
                            source.resource(),
                            true,
                            DeltaToken.INITIAL,
                            source.log().head(),
                            "",
                            clock.instant(),
                            given));
        }
        if (tokenText.equals("latest") && style == DeltaStyle.ONEDRIVE) {
            DeltaSource source = sources.apply(Map.of());
            return page(
                    request,
                    source,
                    new DeltaToken(
                            accountId,
                            source.resource(),
                            false,
                            source.log().head(),
                            source.log().head(),
                            "",
                            clock.instant(),
                            Map.of()),
                    true);
        }
        Optional<DeltaToken> decoded = DeltaToken.decode(tokenText);
        DeltaSource source = decoded.map(t -> sources.apply(t.options())).orElse(null);
        if (decoded.isEmpty() || !answerable(decoded.get(), source, skipText.isPresent())) {
            return DeltaRounds.gone(
                    style,
                    clock.instant(),
                    request,
                    decoded.map(DeltaToken::options).orElse(Map.of()));
        }
        DeltaToken token = decoded.get();
        return page(
                request,
                source,
                token.skip()
                        ? token
                        : new DeltaToken(
                                accountId,
                                token.resource(),
                                true,
                                token.upTo(),
                                source.log().head(),
                                "",
                                clock.instant(),
                                token.options()));
    }

    private boolean answerable(DeltaToken token, DeltaSource source, boolean asSkipParameter) {
        if (!token.accountId().equals(accountId) || !token.resource().equals(source.resource())) {
            return false;
        }
        if (style != DeltaStyle.ONEDRIVE && token.skip() != asSkipParameter) {
            return false;
        }
        long position = token.skip() && token.from() != DeltaToken.INITIAL ? token.from() : token.upTo();
        return source.log().isAnswerable(position, token.issuedAt());
    }

    private Response page(GraphRequest request, DeltaSource source, DeltaToken round) {
        return page(request, source, round, false);
    }

    private Response page(GraphRequest request, DeltaSource source, DeltaToken round, boolean empty) {
        Optional<Integer> preferred = DeltaRounds.preferredPageSize(request);
        int size = preferred.orElseGet(() -> DeltaRounds.top(style, round.options()));
        List<Entry> entries = empty ? List.of() : entries(source, round, size + 1);
        List<Entry> page = entries.subList(0, Math.min(size, entries.size()));
        List<String> select = DeltaRounds.select(round.options());
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("@odata.context", request.context("Collection(" + type + ")"));
        String link = request.requestUri().toString().replaceFirst("\\?.*$", "");
        if (entries.size() > page.size()) {
            DeltaToken next = new DeltaToken(
                    accountId,
                    source.resource(),
                    true,
                    round.from(),
                    round.upTo(),
                    page.get(page.size() - 1).key(),
                    clock.instant(),
                    round.options());
            body.put("@odata.nextLink", link + "?" + style.skipParam() + "=" + next.encode());
        } else {
            DeltaToken delta = new DeltaToken(
                    accountId,
                    source.resource(),
                    false,
                    round.upTo(),
                    round.upTo(),
                    "",
                    clock.instant(),
                    round.options());
            body.put("@odata.deltaLink", link + "?" + style.deltaParam() + "=" + delta.encode());
        }
        List<ObjectNode> present =
                page.stream().filter(Entry::present).map(Entry::json).toList();
        if (!present.isEmpty()) {
            ODataSelect.requireKnown(select, ODataSelect.propertiesOf(present), type);
        }
        ArrayNode value = body.putArray("value");
        page.forEach(e -> value.add(e.present() ? typed(ODataSelect.apply(e.json(), select)) : e.json()));
        Response.ResponseBuilder answer = Response.ok(body.toString(), MediaType.APPLICATION_JSON_TYPE);
        preferred.ifPresent(n -> answer.header("Preference-Applied", "odata.maxpagesize=" + n));
        return answer.build();
    }

    /** One item of a round: its order key, its JSON, and whether it is in the collection or removed. */
    private record Entry(String key, ObjectNode json, boolean present) {}

    /** The round's items after the token's key, in order; of the current state only the first {@code wanted} are rendered. */
    private List<Entry> entries(DeltaSource source, DeltaToken round, int wanted) {
        List<Entry> out = new ArrayList<>();
        if (round.from() == DeltaToken.INITIAL) {
            List<Map.Entry<String, String>> keyed = source.currentIds().stream()
                    .map(id -> Map.entry(source.orderKey(id), id))
                    .filter(e -> e.getKey().compareTo(round.after()) > 0)
                    .sorted(Map.Entry.comparingByKey())
                    .toList();
            for (Map.Entry<String, String> e : keyed) {
                if (out.size() >= wanted) {
                    break;
                }
                source.render(e.getValue()).ifPresent(json -> out.add(new Entry(e.getKey(), json, true)));
            }
            return out;
        }
        Map<String, List<Change>> byItem = new LinkedHashMap<>();
        source.log()
                .between(round.from(), round.upTo(), source.container())
                .forEach(c -> byItem.computeIfAbsent(c.itemId(), id -> new ArrayList<>())
                        .add(c));
        String changeType = round.options().get("changeType");
        byItem.forEach((id, changes) -> {
            Optional<ObjectNode> now = source.render(id);
            ChangeKind kind = now.isEmpty()
                    ? ChangeKind.DELETED
                    : changes.get(0).kind() == ChangeKind.CREATED ? ChangeKind.CREATED : ChangeKind.UPDATED;
            if (changeType != null && !changeType.equalsIgnoreCase(kind.graphName())) {
                return;
            }
            String key = now.isPresent() ? source.orderKey(id) : REMOVED_KEY + id;
            if (key.compareTo(round.after()) > 0) {
                out.add(new Entry(
                        key, now.orElseGet(() -> source.removed(changes.get(changes.size() - 1))), now.isPresent()));
            }
        });
        out.sort(Comparator.comparing(Entry::key));
        return out;
    }

    /** How Outlook shows an item that left a collection: {@code {"@odata.type", "id", "@removed":{"reason":"deleted"}}}. */
    public static ObjectNode removedOutlookItem(String type, String id) {
        ObjectNode out = JsonNodeFactory.instance
                .objectNode()
                .put("@odata.type", "#microsoft.graph." + type)
                .put("id", id);
        out.putObject("@removed").put("reason", "deleted");
        return out;
    }

    private ObjectNode typed(ObjectNode item) {
        if (style == DeltaStyle.ONEDRIVE) {
            return item;
        }
        ObjectNode out = JsonNodeFactory.instance.objectNode().put("@odata.type", "#microsoft.graph." + type);
        out.setAll(item);
        return out;
    }
}
