package dev.kurz.llm.batch;

import dev.kurz.model.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kurz.llm.Backend;
import dev.kurz.llm.BackendException;
import dev.kurz.llm.BackendSpec;
import dev.kurz.llm.Backends;
import dev.kurz.llm.LlmRequest;
import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;

/**
 * The request body the provider's normal backend sends for an {@link LlmRequest}, taken from the
 * wire: the real backend is built on a client whose interceptor keeps the body and answers with a
 * canned reply, so nothing leaves the machine and a batch line is byte for byte what summarize
 * would send. Thread-safe (one capture at a time).
 */
final class WireCapture implements Interceptor {
  private static final ObjectMapper JSON = Json.MAPPER;
  private static final MediaType APPLICATION_JSON = MediaType.get("application/json");

  private final String cannedReply;
  private final Backend backend;
  private String captured;

  WireCapture(BackendSpec spec, OkHttpClient http, String cannedReply) {
    this.cannedReply = cannedReply;
    this.backend = Backends.create(spec, http.newBuilder().addInterceptor(this).build());
  }

  /** The JSON body the backend would POST for {@code request}. */
  synchronized JsonNode body(LlmRequest request) throws BackendException {
    captured = null;
    backend.complete(request);
    if (captured == null) throw new IllegalStateException("the backend sent no request");
    try {
      return JSON.readTree(captured);
    } catch (IOException e) {
      throw new IllegalStateException("the backend's request is not JSON", e);
    }
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    Buffer buffer = new Buffer();
    if (request.body() != null) request.body().writeTo(buffer);
    captured = buffer.readUtf8();
    return new Response.Builder().request(request).protocol(Protocol.HTTP_1_1).code(200).message("OK")
        .body(ResponseBody.create(cannedReply, APPLICATION_JSON)).build();
  }
}
