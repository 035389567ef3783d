package org.m365mcp.cache.jcache;

import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;
import javax.cache.Cache;
import javax.cache.configuration.CacheEntryListenerConfiguration;
import javax.cache.configuration.CompleteConfiguration;
import javax.cache.configuration.Factory;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.event.CacheEntryCreatedListener;
import javax.cache.event.CacheEntryEvent;
import javax.cache.event.CacheEntryEventFilter;
import javax.cache.event.CacheEntryExpiredListener;
import javax.cache.event.CacheEntryListener;
import javax.cache.event.CacheEntryRemovedListener;
import javax.cache.event.CacheEntryUpdatedListener;
import javax.cache.event.EventType;

/**
 * Makes listener events keep JSR-107's old-value promise: a listener registered with
 * {@code isOldValueRequired() == false} sees no old value, and its REMOVED and EXPIRED events carry
 * no value either (JSR-107 1.1: the value of those events is the old value).
 *
 * <p>Ehcache's events report {@code isOldValueAvailable() == false} to such listeners yet still
 * carry the old value; the JSR-107 TCK 1.1.1 rejects that. The adapted configuration is what the
 * heap tier sees; the caller keeps the original for identity (deregistration, configuration views).
 * Stateless; thread-safe as the adapted listener is.
 */
final class OldValueHonouringListeners {

    private OldValueHonouringListeners() {}

    /** The configuration to register with the heap tier in place of {@code original}. */
    static <K, V> CacheEntryListenerConfiguration<K, V> adapt(CacheEntryListenerConfiguration<K, V> original) {
        return new Adapted<>(Objects.requireNonNull(original, "listener configuration"));
    }

    /** The original of an adapted configuration; any other configuration as it is. */
    static <K, V> CacheEntryListenerConfiguration<K, V> original(CacheEntryListenerConfiguration<K, V> maybeAdapted) {
        return maybeAdapted instanceof Adapted<K, V> adapted ? adapted.original : maybeAdapted;
    }

    /** A copy of {@code configuration} whose listener configurations are replaced by {@code mapping}'s. */
    static <K, V> MutableConfiguration<K, V> withListeners(
            CompleteConfiguration<K, V> configuration, UnaryOperator<CacheEntryListenerConfiguration<K, V>> mapping) {
        MutableConfiguration<K, V> copy = new MutableConfiguration<>(configuration);
        for (CacheEntryListenerConfiguration<K, V> listener : configuration.getCacheEntryListenerConfigurations()) {
            copy.removeCacheEntryListenerConfiguration(listener);
            copy.addCacheEntryListenerConfiguration(mapping.apply(listener));
        }
        return copy;
    }

    private static final class Adapted<K, V> implements CacheEntryListenerConfiguration<K, V> {

        private static final long serialVersionUID = 1L;

        private final CacheEntryListenerConfiguration<K, V> original;

        Adapted(CacheEntryListenerConfiguration<K, V> original) {
            this.original = original;
        }

        @Override
        public Factory<CacheEntryListener<? super K, ? super V>> getCacheEntryListenerFactory() {
            Factory<CacheEntryListener<? super K, ? super V>> factory = original.getCacheEntryListenerFactory();
            return () -> new HonouringListener<>(factory.create(), original.isOldValueRequired());
        }

        @Override
        public boolean isOldValueRequired() {
            return original.isOldValueRequired();
        }

        @Override
        public Factory<CacheEntryEventFilter<? super K, ? super V>> getCacheEntryEventFilterFactory() {
            Factory<CacheEntryEventFilter<? super K, ? super V>> factory = original.getCacheEntryEventFilterFactory();
            if (factory == null) {
                return null;
            }
            boolean required = original.isOldValueRequired();
            return () -> {
                CacheEntryEventFilter<? super K, ? super V> filter = factory.create();
                return event -> filter.evaluate(HonouringEvent.of(event, required));
            };
        }

        @Override
        public boolean isSynchronous() {
            return original.isSynchronous();
        }
    }

    /** Receives every event type and passes each on only if the listener handles that type. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static final class HonouringListener<K, V>
            implements CacheEntryCreatedListener<K, V>,
                    CacheEntryUpdatedListener<K, V>,
                    CacheEntryRemovedListener<K, V>,
                    CacheEntryExpiredListener<K, V>,
                    Closeable {

        private final CacheEntryListener listener;
        private final boolean oldValueRequired;

        HonouringListener(CacheEntryListener<?, ?> listener, boolean oldValueRequired) {
            this.listener = listener;
            this.oldValueRequired = oldValueRequired;
        }

        @Override
        public void onCreated(Iterable<CacheEntryEvent<? extends K, ? extends V>> events) {
            if (listener instanceof CacheEntryCreatedListener created) {
                created.onCreated(honoured(events));
            }
        }

        @Override
        public void onUpdated(Iterable<CacheEntryEvent<? extends K, ? extends V>> events) {
            if (listener instanceof CacheEntryUpdatedListener updated) {
                updated.onUpdated(honoured(events));
            }
        }

        @Override
        public void onRemoved(Iterable<CacheEntryEvent<? extends K, ? extends V>> events) {
            if (listener instanceof CacheEntryRemovedListener removed) {
                removed.onRemoved(honoured(events));
            }
        }

        @Override
        public void onExpired(Iterable<CacheEntryEvent<? extends K, ? extends V>> events) {
            if (listener instanceof CacheEntryExpiredListener expired) {
                expired.onExpired(honoured(events));
            }
        }

        @Override
        public void close() throws IOException {
            if (listener instanceof Closeable closeable) {
                closeable.close();
            }
        }

        private Iterable honoured(Iterable<CacheEntryEvent<? extends K, ? extends V>> events) {
            List<CacheEntryEvent<K, V>> adapted = new ArrayList<>();
            events.forEach(event -> adapted.add(HonouringEvent.of(event, oldValueRequired)));
            return adapted;
        }
    }

    /** An event that hides the old value from a listener that did not ask for it. */
    private static final class HonouringEvent<K, V> extends CacheEntryEvent<K, V> {

        private static final long serialVersionUID = 1L;

        private final transient CacheEntryEvent<? extends K, ? extends V> event;
        private final boolean oldValueRequired;

        @SuppressWarnings("unchecked")
        private HonouringEvent(CacheEntryEvent<? extends K, ? extends V> event, boolean oldValueRequired) {
            super((Cache<K, V>) event.getSource(), event.getEventType());
            this.event = event;
            this.oldValueRequired = oldValueRequired;
        }

        static <K, V> HonouringEvent<K, V> of(
                CacheEntryEvent<? extends K, ? extends V> event, boolean oldValueRequired) {
            return new HonouringEvent<>(event, oldValueRequired);
        }

        @Override
        public K getKey() {
            return event.getKey();
        }

        @Override
        public V getValue() {
            EventType type = getEventType();
            boolean valueIsOldValue = type == EventType.REMOVED || type == EventType.EXPIRED;
            return valueIsOldValue && !isOldValueAvailable() ? null : event.getValue();
        }

        @Override
        public V getOldValue() {
            return isOldValueAvailable() ? event.getOldValue() : null;
        }

        @Override
        public boolean isOldValueAvailable() {
            return oldValueRequired && event.isOldValueAvailable();
        }

        @Override
        public <T> T unwrap(Class<T> type) {
            if (type.isInstance(this)) {
                return type.cast(this);
            }
            return event.unwrap(type);
        }
    }
}
