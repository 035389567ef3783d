package org.m365mcp.tools.cache;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.StreamSupport;
import org.eclipse.microprofile.config.Config;

/**
 * The cached operations the server knows: every {@code m365.mcp.cache.ttl.<operation>.fresh} in the
 * configuration. Each cached tool declares its TTLs there, so the list cannot miss one.
 */
@ApplicationScoped
public class CacheOperations {

    private static final String PREFIX = "m365.mcp.cache.ttl.";
    private static final String SUFFIX = ".fresh";

    @Inject
    Config config;

    /** The operation names, sorted; never {@code default}. */
    public Set<String> names() {
        return names(config.getPropertyNames());
    }

    static Set<String> names(Iterable<String> propertyNames) {
        Set<String> names = new TreeSet<>();
        StreamSupport.stream(propertyNames.spliterator(), false)
                .filter(name -> name.startsWith(PREFIX) && name.endsWith(SUFFIX))
                .map(name -> name.substring(PREFIX.length(), name.length() - SUFFIX.length()))
                .filter(name -> !name.isEmpty() && !name.equals("default") && !name.contains("."))
                .forEach(names::add);
        return names;
    }
}
