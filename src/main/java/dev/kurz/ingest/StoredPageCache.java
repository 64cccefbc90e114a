package dev.kurz.ingest;

import dev.kurz.model.Json;
import dev.kurz.model.Sha256;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kurz.cache.CacheEntry;
import dev.kurz.cache.CacheException;
import dev.kurz.cache.Cache;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Pages in the answers' cache store (SQLite or PostgreSQL), kind {@value #KIND}, keyed by a hash of the requested URL. The
 * payload is JSON: the headers that matter for revalidation and the body bytes in Base64 (bytes,
 * not text, so decoding on a hit is the decoding of a fresh download). A failing cache warns once
 * and then acts empty. Thread-safe. Does not own the {@link Cache}: the caller closes it.
 */
public final class StoredPageCache implements PageCache {
  public static final String KIND = "page";
  private static final ObjectMapper JSON = Json.MAPPER;

  private final Cache cache;
  private final Consumer<String> warn;
  private final Clock clock;
  private final AtomicBoolean broken = new AtomicBoolean();

  public StoredPageCache(Cache cache, Consumer<String> warn, Clock clock) {
    this.cache = cache;
    this.warn = warn;
    this.clock = clock;
  }

  /** The cache key of a URL: the SHA-256 of the URL as asked for, in hex (the kind tells pages from answers). */
  static String key(String url) {
    return Sha256.hex(url);
  }

  @Override
  public Optional<Stored> get(String url) {
    if (broken.get()) return Optional.empty();
    try {
      Optional<CacheEntry> entry = cache.get(key(url));
      if (entry.isEmpty() || !entry.get().kind().equals(KIND)) return Optional.empty();
      JsonNode json = JSON.readTree(entry.get().payload());
      List<String> redirects = new ArrayList<>();
      json.path("redirects").forEach(n -> redirects.add(n.asText()));
      return Optional.of(new Stored(json.path("url").asText(url), text(json, "content_type"), text(json, "etag"),
          text(json, "last_modified"), redirects, Base64.getDecoder().decode(json.path("body").asText())));
    } catch (CacheException e) {
      fail(e);
      return Optional.empty();
    } catch (IOException | IllegalArgumentException e) {
      return Optional.empty(); // an entry this version cannot read is a miss; the next put replaces it
    }
  }

  @Override
  public void put(String url, Stored page) {
    if (broken.get()) return;
    ObjectNode json = JSON.createObjectNode();
    json.put("url", page.url());
    json.put("content_type", page.contentType());
    json.put("etag", page.etag());
    json.put("last_modified", page.lastModified());
    page.redirects().forEach(json.putArray("redirects")::add);
    json.put("body", Base64.getEncoder().encodeToString(page.body()));
    try {
      cache.put(new CacheEntry(key(url), KIND, "", "", "", 0, 0, url, json.toString(), clock.instant()));
    } catch (CacheException e) {
      fail(e);
    }
  }

  private static String text(JsonNode json, String field) {
    JsonNode n = json.get(field);
    return n == null || n.isNull() ? null : n.asText();
  }

  private void fail(CacheException e) {
    if (broken.compareAndSet(false, true)) warn.accept("page cache failed, fetching without it: " + e.getMessage());
  }
}
