package dev.kurz.llm.http;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import javax.net.SocketFactory;

/**
 * Plain sockets with Nagle's algorithm off. A request body larger than one buffer segment goes out
 * in several writes; with Nagle on, the last one waits for the server's acknowledgement of the
 * first, which servers delay by up to 40 ms: on loopback that was most of the gap between one
 * answer and the next request in a batch. TLS sockets are layered over these, so HTTPS gains too.
 */
public final class NoDelaySockets extends SocketFactory {
  private static final SocketFactory PLAIN = SocketFactory.getDefault();

  @Override
  public Socket createSocket() throws IOException {
    return noDelay(PLAIN.createSocket());
  }

  @Override
  public Socket createSocket(String host, int port) throws IOException {
    return noDelay(PLAIN.createSocket(host, port));
  }

  @Override
  public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
    return noDelay(PLAIN.createSocket(host, port, localHost, localPort));
  }

  @Override
  public Socket createSocket(InetAddress host, int port) throws IOException {
    return noDelay(PLAIN.createSocket(host, port));
  }

  @Override
  public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
    return noDelay(PLAIN.createSocket(address, port, localAddress, localPort));
  }

  private static Socket noDelay(Socket s) throws IOException {
    s.setTcpNoDelay(true);
    return s;
  }
}
