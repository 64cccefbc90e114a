package dev.kurz.llm.http;

import com.azure.core.http.HttpClient;
import com.azure.core.http.HttpClientProvider;
import com.azure.core.http.HttpHeader;
import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpHeaders;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.core.util.BinaryData;
import com.azure.core.util.Context;
import com.azure.core.util.HttpClientOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The Azure SDK's {@link HttpClient} SPI over the run's {@link OkHttpClient}, as
 * {@link OkHttpClientAdapter} is LangChain4j's: Azure OpenAI requests pass the same interceptors
 * (answer-size caps, rate-limit headers, the redacting log) and the same pool and call timeout as
 * every other provider's, and its {@link CallGate}s before each call. Each answer is read whole (a
 * chat completion, capped by the client's {@link AnswerSizeLimit}) and handed back buffered.
 * Thread-safe.
 */
public final class AzureHttpClient implements HttpClient {
  private final OkHttpClient client;

  public AzureHttpClient(OkHttpClient client) {
    this.client = client;
  }

  /** For {@code AzureOpenAiChatModel.Builder.httpClientProvider}: always this client, whatever the options. */
  public HttpClientProvider provider() {
    return new HttpClientProvider() {
      @Override
      public HttpClient createInstance() {
        return AzureHttpClient.this;
      }

      @Override
      public HttpClient createInstance(HttpClientOptions options) {
        return AzureHttpClient.this;
      }
    };
  }

  @Override
  public Mono<HttpResponse> send(HttpRequest request) {
    return Mono.fromCallable(() -> sendSync(request, Context.NONE));
  }

  @Override
  public HttpResponse sendSync(HttpRequest request, Context context) {
    Request.Builder b = new Request.Builder().url(request.getUrl().toString());
    for (HttpHeader h : request.getHeaders()) {
      // OkHttp sets the length from the body itself.
      if (h.getName().equalsIgnoreCase("Content-Length")) continue;
      for (String v : h.getValuesList()) b.addHeader(h.getName(), v);
    }
    String method = request.getHttpMethod().name();
    BinaryData body = request.getBodyAsBinaryData();
    RequestBody requestBody = body != null ? RequestBody.create(body.toBytes(), (MediaType) null)
        : method.equals("POST") || method.equals("PUT") || method.equals("PATCH") ? RequestBody.create(new byte[0], (MediaType) null) : null;
    b.method(method, requestBody);
    try {
      CallGate.pass(client);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try (Response response = client.newCall(b.build()).execute()) {
      HttpHeaders headers = new HttpHeaders();
      for (String name : response.headers().names()) {
        headers.set(HttpHeaderName.fromString(name), response.headers(name));
      }
      ResponseBody responseBody = response.body();
      byte[] bytes = responseBody == null ? new byte[0] : responseBody.bytes();
      return new Buffered(request, response.code(), headers, bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A finished answer held in memory. */
  private static final class Buffered extends HttpResponse {
    private final int status;
    private final HttpHeaders headers;
    private final byte[] body;

    Buffered(HttpRequest request, int status, HttpHeaders headers, byte[] body) {
      super(request);
      this.status = status;
      this.headers = headers;
      this.body = body;
    }

    @Override
    public int getStatusCode() {
      return status;
    }

    @Override
    @Deprecated
    public String getHeaderValue(String name) {
      return headers.getValue(HttpHeaderName.fromString(name));
    }

    @Override
    public HttpHeaders getHeaders() {
      return headers;
    }

    @Override
    public Flux<ByteBuffer> getBody() {
      return body.length == 0 ? Flux.empty() : Flux.just(ByteBuffer.wrap(body).asReadOnlyBuffer());
    }

    @Override
    public BinaryData getBodyAsBinaryData() {
      return BinaryData.fromBytes(body);
    }

    @Override
    public Mono<byte[]> getBodyAsByteArray() {
      return body.length == 0 ? Mono.empty() : Mono.just(body);
    }

    @Override
    public Mono<String> getBodyAsString() {
      return getBodyAsString(StandardCharsets.UTF_8);
    }

    @Override
    public Mono<String> getBodyAsString(Charset charset) {
      return body.length == 0 ? Mono.empty() : Mono.just(new String(body, charset));
    }

    @Override
    public HttpResponse buffer() {
      return this;
    }
  }
}
