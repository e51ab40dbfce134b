import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * mvnw's helper where curl, wget or sha512sum are missing (a machine with only a JDK): {@code java
 * Fetch.java get URL FILE} downloads, {@code java Fetch.java sha512 FILE} prints the SHA-512.
 */
public class Fetch {
  public static void main(String[] args) throws Exception {
    if (args.length == 3 && args[0].equals("get")) {
      HttpClient client =
          HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();
      HttpResponse<InputStream> response =
          client.send(
              HttpRequest.newBuilder(URI.create(args[1])).build(),
              HttpResponse.BodyHandlers.ofInputStream());
      if (response.statusCode() != 200) {
        System.err.println("mvnw: " + args[1] + " answered HTTP " + response.statusCode());
        System.exit(1);
      }
      try (InputStream in = response.body()) {
        Files.copy(in, Path.of(args[2]));
      }
    } else if (args.length == 2 && args[0].equals("sha512")) {
      MessageDigest digest = MessageDigest.getInstance("SHA-512");
      try (InputStream in = Files.newInputStream(Path.of(args[1]))) {
        byte[] buffer = new byte[1 << 16];
        for (int n; (n = in.read(buffer)) > 0; ) {
          digest.update(buffer, 0, n);
        }
      }
      System.out.println(HexFormat.of().formatHex(digest.digest()));
    } else {
      System.err.println("usage: java Fetch.java get URL FILE | sha512 FILE");
      System.exit(2);
    }
  }
}
