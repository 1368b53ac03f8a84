package example;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * java-web: a small HTTP service on the JDK's own HTTP server (no Maven downloads: builds here have no network).
 * It has no health code of its own: the image's HEALTHCHECK connects to its port (the template's probe).
 */
public final class App {
    private App() {}

    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(System.getenv().getOrDefault("PORT", "8080"));
        HttpServer server = HttpServer.create(new InetSocketAddress(port), 0);
        server.createContext("/health", exchange -> send(exchange, 200, "{\"status\":\"healthy\"}"));
        server.createContext("/", exchange -> {
            if (!exchange.getRequestURI().getPath().equals("/")) {
                send(exchange, 404, "{\"error\":\"not found\"}");
                return;
            }
            send(exchange, 200, "{\"message\":\"hello from java-web\",\"java\":\"" + System.getProperty("java.version")
                    + "\",\"arch\":\"" + System.getProperty("os.arch") + "\"}");
        });
        Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop(0)));
        server.start();
        System.out.println("listening on :" + port);
    }

    private static void send(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
