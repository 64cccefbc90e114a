package dev.kurz.llm.http;

import static dev.langchain4j.http.client.sse.ServerSentEventListenerUtils.ignoringExceptions;

import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.http.client.FormDataFile;
import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * LangChain4j's {@link HttpClient} on top of an {@link OkHttpClient}, so that every provider shares
 * one connection pool and dispatcher. The contract mirrors LangChain4j's JDK client:
 *
 * <ul>
 *   <li>{@link #execute(HttpRequest)} blocks and returns the whole body; a non-2xx answer throws an
 *       {@link HttpStatusException} (an {@link HttpException} with status and body that also keeps
 *       the headers), a socket timeout a LangChain4j {@link TimeoutException}, any other I/O
 *       failure an {@link UncheckedIOException}.
 *   <li>{@link #execute(HttpRequest, ServerSentEventParser, ServerSentEventListener)} returns at
 *       once; on an OkHttp dispatcher thread it calls {@code onOpen}, lets the parser read the body
 *       stream (events arrive in order on that thread), then {@code onClose}; every failure,
 *       non-2xx included, goes to {@code onError} instead. Listener exceptions are swallowed, as
 *       LangChain4j's clients do.
 * </ul>
 *
 * <p>Each request passes the client's {@link CallGate}s before its call starts. Thread-safe; holds no
 * state beyond the OkHttp client. Build it with {@link
 * OkHttpClientAdapterBuilder}; it is deliberately not registered as a service, so backends must pass
 * it explicitly.
 */
public final class OkHttpClientAdapter implements HttpClient {
  private static final MediaType JSON = MediaType.get("application/json");
  private static final long MAX_ERROR_BODY = 64 * 1024;

  private final OkHttpClient client;
  /** Whether a response that looked like the API's has come: before it, a page that is not means the wrong URL. */
  private final java.util.concurrent.atomic.AtomicBoolean answered = new java.util.concurrent.atomic.AtomicBoolean();

  public OkHttpClientAdapter(OkHttpClient client) {
    this.client = Objects.requireNonNull(client, "client");
  }

  /** The OkHttp client calls go through (shares the pool of the one it was derived from). */
  public OkHttpClient okHttpClient() {
    return client;
  }

  @Override
  public SuccessfulHttpResponse execute(HttpRequest request) throws HttpException {
    Request okRequest = toOkHttp(request);
    try {
      CallGate.pass(client);
    } catch (IOException e) {
      throw translate(e);
    }
    try (Response response = client.newCall(okRequest).execute()) {
      if (!response.isSuccessful()) {
        throw statusException(response);
      }
      byte[] body = response.body().bytes();
      String notTheApi = NotTheApiException.describe(body, response.header("Content-Type"));
      if (notTheApi != null) throw new NotTheApiException(notTheApi, !answered.get());
      answered.set(true);
      return SuccessfulHttpResponse.builder()
          .statusCode(response.code())
          .headers(response.headers().toMultimap())
          .body(body)
          .build();
    } catch (IOException e) {
      throw translate(e);
    }
  }

  @Override
  public void execute(HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
    Request okRequest = toOkHttp(request);
    try {
      CallGate.pass(client);
    } catch (IOException e) {
      RuntimeException error = translate(e);
      ignoringExceptions(() -> listener.onError(error));
      return;
    }
    client.newCall(okRequest).enqueue(new Callback() {
      @Override
      public void onResponse(Call call, Response response) {
        try (response) {
          if (!response.isSuccessful()) {
            HttpStatusException error = statusException(response);
            ignoringExceptions(() -> listener.onError(error));
            return;
          }
          SuccessfulHttpResponse opened = SuccessfulHttpResponse.builder()
              .statusCode(response.code())
              .headers(response.headers().toMultimap())
              .build();
          ignoringExceptions(() -> listener.onOpen(opened));
          try (InputStream in = response.body().byteStream()) {
            parser.parse(in, listener);
          }
          ignoringExceptions(listener::onClose);
        } catch (IOException e) {
          RuntimeException error = translate(e);
          ignoringExceptions(() -> listener.onError(error));
        } catch (RuntimeException e) {
          ignoringExceptions(() -> listener.onError(e));
        }
      }

      @Override
      public void onFailure(Call call, IOException e) {
        RuntimeException error = translate(e);
        ignoringExceptions(() -> listener.onError(error));
      }
    });
  }

  private static RuntimeException translate(IOException e) {
    // OkHttp reports read/connect timeouts as SocketTimeoutException and an expired call timeout
    // as InterruptedIOException("timeout"); both are timeouts to LangChain4j.
    if (e instanceof SocketTimeoutException
        || (e.getClass() == InterruptedIOException.class && "timeout".equals(e.getMessage()))) {
      return new TimeoutException(e);
    }
    return new UncheckedIOException(e);
  }

  private static HttpStatusException statusException(Response response) {
    String body;
    try {
      // The start of an error body says what went wrong; the rest of a huge one is not read.
      body = response.peekBody(MAX_ERROR_BODY).string();
    } catch (IOException e) {
      body = "Cannot read error response body: " + e.getMessage();
    }
    return new HttpStatusException(
        response.code(), body, response.headers().toMultimap(), response.request().url().toString());
  }

  private static Request toOkHttp(HttpRequest request) {
    Request.Builder builder = new Request.Builder().url(request.url());
    String contentType = null;
    for (Map.Entry<String, List<String>> header : request.headers().entrySet()) {
      if (header.getValue() == null) continue;
      for (String value : header.getValue()) {
        if (value == null) continue;
        if ("Content-Type".equalsIgnoreCase(header.getKey())) contentType = value;
        builder.addHeader(header.getKey(), value);
      }
    }
    RequestBody body = body(request, contentType);
    switch (request.method()) {
      case GET -> builder.get();
      case POST -> builder.post(body != null ? body : RequestBody.create(new byte[0], null));
      case DELETE -> {
        if (body != null) builder.delete(body);
        else builder.delete();
      }
    }
    return builder.build();
  }

  private static RequestBody body(HttpRequest request, String contentType) {
    if (!request.formDataFields().isEmpty() || !request.formDataFiles().isEmpty()) {
      MultipartBody.Builder multipart = new MultipartBody.Builder().setType(MultipartBody.FORM);
      request.formDataFields().forEach(multipart::addFormDataPart);
      for (Map.Entry<String, FormDataFile> entry : request.formDataFiles().entrySet()) {
        FormDataFile file = entry.getValue();
        MediaType type = file.contentType() == null ? null : MediaType.parse(file.contentType());
        multipart.addFormDataPart(entry.getKey(), file.fileName(), RequestBody.create(file.content(), type));
      }
      return multipart.build();
    }
    if (request.body() == null) return null;
    MediaType type = contentType == null ? JSON : MediaType.parse(contentType);
    // Bytes, not String: OkHttp would otherwise append "; charset=utf-8" to the content type.
    return RequestBody.create(request.body().getBytes(StandardCharsets.UTF_8), type == null ? JSON : type);
  }
}
