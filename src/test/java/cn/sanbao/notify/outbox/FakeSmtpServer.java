package cn.sanbao.notify.outbox;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A minimal SMTP server on loopback that keeps every received message's raw text (tests only). */
public final class FakeSmtpServer implements AutoCloseable {

    public final List<String> messages = Collections.synchronizedList(new ArrayList<>());
    private final ServerSocket socket;
    private final Thread thread;

    public FakeSmtpServer() throws IOException {
        socket = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        thread = new Thread(this::serve, "fake-smtp");
        thread.setDaemon(true);
        thread.start();
    }

    public int port() {
        return socket.getLocalPort();
    }

    private void serve() {
        while (!socket.isClosed()) {
            try (Socket s = socket.accept()) {
                session(s);
            } catch (IOException e) {
                // closed
            }
        }
    }

    private void session(Socket s) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
        OutputStream out = s.getOutputStream();
        reply(out, "220 fake ESMTP");
        String line;
        while ((line = in.readLine()) != null) {
            String cmd = line.toUpperCase();
            if (cmd.startsWith("EHLO")) reply(out, "250-fake\r\n250 8BITMIME");
            else if (cmd.startsWith("HELO") || cmd.startsWith("MAIL") || cmd.startsWith("RCPT") || cmd.startsWith("RSET")
                    || cmd.startsWith("NOOP")) reply(out, "250 OK");
            else if (cmd.startsWith("DATA")) {
                reply(out, "354 go ahead");
                StringBuilder msg = new StringBuilder();
                while ((line = in.readLine()) != null && !line.equals(".")) msg.append(line).append('\n');
                messages.add(msg.toString());
                reply(out, "250 queued");
            } else if (cmd.startsWith("QUIT")) {
                reply(out, "221 bye");
                return;
            } else reply(out, "502 not implemented");
        }
    }

    private static void reply(OutputStream out, String text) throws IOException {
        out.write((text + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
