package org.m365mcp.cache.store;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The store a running server uses, which can be closed and replaced (e.g. re-opened under a new
 * key) while calls are in flight, without any caller seeing a closed store.
 *
 * <ul>
 *   <li>Thread-safe: {@link #apply} holds a shared lock for the whole call, {@link #replace} the
 *       exclusive one, so a replacement waits for the calls in flight and new calls wait for it
 *       (a fair lock: a waiting replacement is not starved).
 *   <li>If a replacement throws, no store is left: {@link #apply} then throws
 *       {@link StoreException} until another {@link #replace} succeeds. A replacement that can
 *       fail half-way should re-open the previous store itself before throwing.
 *   <li>A call that finds the file damaged ({@link StoreException#corrupt()}) has it set aside and
 *       a fresh store put in its place ({@link StoreOpener#replaceDamaged}), then runs once more on
 *       the fresh store: work must be safe to repeat. A call made inside another {@link #apply}
 *       leaves that to the outer one (the shared lock it holds would block the replacement).
 *   <li>{@link #setAside()} tells the latest file set aside, at opening or since.
 * </ul>
 */
public final class LiveStore implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(LiveStore.class.getName());

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock(true);
    private CacheStore current; // guarded by lock
    private volatile Optional<SetAside> setAside;

    private LiveStore(CacheStore current, Optional<SetAside> setAside) {
        this.current = current;
        this.setAside = setAside;
    }

    /** A live store starting with {@code store}. */
    public static LiveStore of(CacheStore store) {
        return new LiveStore(Objects.requireNonNull(store, "store"), Optional.empty());
    }

    /** A live store starting with what {@link StoreOpener#open} opened, and remembering what it set aside. */
    public static LiveStore of(OpenedStore opened) {
        return new LiveStore(opened.store(), opened.setAside());
    }

    /**
     * Runs {@code work} against the current store, which stays open until it returns; if the store's
     * file turns out damaged, against a fresh store in its place.
     *
     * @throws StoreException if a failed replacement left no store, or the work failed otherwise
     */
    public <T> T apply(Function<CacheStore, T> work) {
        CacheStore used = null;
        StoreException damage;
        lock.readLock().lock();
        try {
            used = open();
            return work.apply(used);
        } catch (StoreException e) {
            if (!e.corrupt() || used == null || lock.getReadHoldCount() > 1) {
                throw e;
            }
            damage = e;
        } finally {
            lock.readLock().unlock();
        }
        replaceDamaged(used, damage);
        lock.readLock().lock();
        try {
            return work.apply(open());
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * Replaces the store by what {@code replacement} returns, once no call is using it; the
     * replacement receives the current store (null if none) and is responsible for closing it.
     */
    public void replace(UnaryOperator<CacheStore> replacement) {
        lock.writeLock().lock();
        try {
            CacheStore previous = current;
            current = null;
            current = Objects.requireNonNull(replacement.apply(previous), "replacement store");
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** The latest database file set aside (unreadable or damaged), at opening or while running. */
    public Optional<SetAside> setAside() {
        return setAside;
    }

    private CacheStore open() {
        if (current == null) {
            throw new StoreException("The cache store is not open (its replacement failed)", null);
        }
        return current;
    }

    /** Sets {@code damaged}'s file aside for a fresh store, unless another call already did. */
    private void replaceDamaged(CacheStore damaged, StoreException damage) {
        lock.writeLock().lock();
        try {
            if (current != damaged) {
                return;
            }
            current = null;
            OpenedStore fresh = StoreOpener.replaceDamaged(damaged, damage);
            current = fresh.store();
            setAside = fresh.setAside();
        } catch (StoreException e) {
            LOG.log(
                    Level.SEVERE,
                    "The cache database " + damaged.file() + " is damaged and could not be"
                            + " replaced by a fresh one; serving with the in-memory tier only until the server restarts.",
                    e);
            e.addSuppressed(damage);
            throw e;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Closes the current store once no call is using it; later calls throw {@link StoreException}. */
    @Override
    public void close() {
        lock.writeLock().lock();
        try {
            if (current != null) {
                current.close();
                current = null;
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    @Override
    public String toString() {
        lock.readLock().lock();
        try {
            return "LiveStore[" + current + "]";
        } finally {
            lock.readLock().unlock();
        }
    }
}
