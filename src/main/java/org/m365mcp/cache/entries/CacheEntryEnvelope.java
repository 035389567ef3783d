package org.m365mcp.cache.entries;

import java.io.Serializable;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A cached result with the instants that decide its state: FRESH before {@code freshUntil}, STALE
 * until {@code staleUntil}, EXPIRED from then on.
 *
 * <ul>
 *   <li>Immutable; the payload array is never handed out for mutation by this class's users.</li>
 *   <li>The JCache lifetime of an entry is its stale window; freshness is metadata read by the
 *       annotation layer.</li>
 *   <li>A class rather than a record: Ehcache's heap sizing (a heap tier sized in megabytes) cannot
 *       measure record instances on Java 17.</li>
 *   <li>The one thing it keeps beyond its values: the payload rendered as the tool's answer
 *       ({@link AnswerTemplate}), set by the annotation layer on the first hit that needs it, so later
 *       hits serve it as it is. Not serialized, not part of equality; two threads may both set it,
 *       to equal templates. Ehcache sized the entry before it was set (heap tiers in megabytes count
 *       the payload, not the template).</li>
 * </ul>
 */
public final class CacheEntryEnvelope implements Serializable {

    private static final long serialVersionUID = 1L;

    private final byte[] payload;
    private final Instant createdAt;
    private final Instant freshUntil;
    private final Instant staleUntil;
    private final Map<String, String> params;
    private transient volatile AnswerTemplate answer;

    /**
     * @param payload    the serialized result (JSON bytes)
     * @param createdAt  when the result was fetched from its source
     * @param freshUntil end of the FRESH window (exclusive)
     * @param staleUntil end of the STALE window (exclusive)
     */
    public CacheEntryEnvelope(byte[] payload, Instant createdAt, Instant freshUntil, Instant staleUntil) {
        this(payload, createdAt, freshUntil, staleUntil, Map.of());
    }

    /**
     * An envelope that also records the key parameters of the call that produced it, so that a write
     * can invalidate it by parameter value even when its key is a hash.
     *
     * @param params key parameter name (snake case) → value as text; copied
     */
    public CacheEntryEnvelope(
            byte[] payload, Instant createdAt, Instant freshUntil, Instant staleUntil, Map<String, String> params) {
        this.params = Map.copyOf(Objects.requireNonNull(params, "params"));
        this.payload = Objects.requireNonNull(payload, "payload");
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.freshUntil = Objects.requireNonNull(freshUntil, "freshUntil");
        this.staleUntil = Objects.requireNonNull(staleUntil, "staleUntil");
        if (freshUntil.isBefore(createdAt) || staleUntil.isBefore(freshUntil)) {
            throw new IllegalArgumentException("Need createdAt <= freshUntil <= staleUntil");
        }
    }

    public byte[] payload() {
        return payload;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant freshUntil() {
        return freshUntil;
    }

    public Instant staleUntil() {
        return staleUntil;
    }

    /** The key parameters of the call that produced the payload (name → value); empty when unknown. */
    public Map<String, String> params() {
        return params;
    }

    /** The payload rendered as the tool's answer, when a hit has rendered it. */
    public Optional<AnswerTemplate> answer() {
        return Optional.ofNullable(answer);
    }

    /** Keeps {@code rendered}, the payload rendered as the tool's answer, for the hits that follow. */
    public void keepAnswer(AnswerTemplate rendered) {
        answer = Objects.requireNonNull(rendered, "rendered");
    }

    /** FRESH: {@code now < freshUntil}. */
    public boolean isFresh(Instant now) {
        return now.isBefore(freshUntil);
    }

    /** STALE: {@code freshUntil <= now < staleUntil}. */
    public boolean isStale(Instant now) {
        return !isFresh(now) && now.isBefore(staleUntil);
    }

    /** EXPIRED: {@code now >= staleUntil}; such an entry must not be served. */
    public boolean isExpired(Instant now) {
        return !now.isBefore(staleUntil);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CacheEntryEnvelope that
                && Arrays.equals(payload, that.payload)
                && createdAt.equals(that.createdAt)
                && freshUntil.equals(that.freshUntil)
                && staleUntil.equals(that.staleUntil)
                && params.equals(that.params);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(payload), createdAt, freshUntil, staleUntil, params);
    }

    @Override
    public String toString() {
        return "CacheEntryEnvelope[" + payload.length + " bytes, createdAt=" + createdAt + ", freshUntil=" + freshUntil
                + ", staleUntil=" + staleUntil + "]";
    }
}
