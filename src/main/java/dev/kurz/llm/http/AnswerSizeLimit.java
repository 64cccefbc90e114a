package dev.kurz.llm.http;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;
import okio.ForwardingSource;
import okio.Okio;

/**
 * Caps how many bytes a response body may deliver: reading past {@code maxBytes} fails with
 * {@link AnswerTooLargeException} before more is buffered, so a 100 MB answer, an endless one or a
 * gzip bomb costs at most the cap. Installed both as an application interceptor (which sees the
 * body after OkHttp's transparent gzip decoding: the decompressed bytes) and as a network
 * interceptor (the bytes on the wire). Stateless and thread-safe.
 */
public final class AnswerSizeLimit implements Interceptor {
  private final long maxBytes;

  public AnswerSizeLimit(long maxBytes) {
    if (maxBytes <= 0) throw new IllegalArgumentException("maxBytes must be positive");
    this.maxBytes = maxBytes;
  }

  /** A body that grew past the cap; not worth retrying. */
  public static final class AnswerTooLargeException extends IOException {
    private static final long serialVersionUID = 1L;
    private final long limit;

    AnswerTooLargeException(long limit) {
      super("answer larger than " + megabytes(limit) + " (the limit; raise it with --max-answer-size)");
      this.limit = limit;
    }

    public long limit() {
      return limit;
    }
  }

  public static String megabytes(long bytes) {
    return bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MB" : bytes + " bytes";
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Response response = chain.proceed(chain.request());
    ResponseBody body = response.body();
    long declared = body.contentLength();
    if (declared > maxBytes && response.isSuccessful()) { // an error body is read only as far as its start
      response.close();
      throw new AnswerTooLargeException(maxBytes);
    }
    return response.newBuilder().body(new Limited(body, maxBytes)).build();
  }

  private static final class Limited extends ResponseBody {
    private final ResponseBody delegate;
    private final BufferedSource source;

    Limited(ResponseBody delegate, long max) {
      this.delegate = delegate;
      this.source = Okio.buffer(new ForwardingSource(delegate.source()) {
        private long read;

        @Override
        public long read(Buffer sink, long byteCount) throws IOException {
          // Never ask for more than one byte past the cap, so the overrun is seen before it is kept.
          long n = super.read(sink, Math.min(byteCount, max - read + 1));
          if (n > 0) read += n;
          if (read > max) throw new AnswerTooLargeException(max);
          return n;
        }
      });
    }

    @Override
    public MediaType contentType() {
      return delegate.contentType();
    }

    @Override
    public long contentLength() {
      return delegate.contentLength();
    }

    @Override
    public BufferedSource source() {
      return source;
    }

    @Override
    public void close() {
      delegate.close();
    }
  }
}
