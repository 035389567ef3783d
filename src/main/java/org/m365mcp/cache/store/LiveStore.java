package org.m365mcp.cache.store;

import java.util.Objects;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;
import java.util.function.UnaryOperator;

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
 * </ul>
 */
public final class LiveStore implements AutoCloseable {

  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock(true);
  private CacheStore current; // guarded by lock

  private LiveStore(CacheStore current) {
    this.current = current;
  }

  /** A live store starting with {@code store}. */
  public static LiveStore of(CacheStore store) {
    return new LiveStore(Objects.requireNonNull(store, "store"));
  }

  /**
   * Runs {@code work} against the current store, which stays open until it returns.
   *
   * @throws StoreException if a failed replacement left no store
   */
  public <T> T apply(Function<CacheStore, T> work) {
    lock.readLock().lock();
    try {
      if (current == null) {
        throw new StoreException("The cache store is not open (its replacement failed)", null);
      }
      return work.apply(current);
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
