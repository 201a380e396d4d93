/**
 * Starts DynamoDB Local on 127.0.0.1 only. The engine has no bind-address option and its Jetty
 * server listens on every interface, so this sets the host on each connector before starting.
 * Run by the source-file launcher (`java LoopbackDynamoDbLocal.java <engine options>`) with the
 * engine's jar on the class path; reflection keeps it free of compile-time dependencies.
 */
public class LoopbackDynamoDbLocal {
  public static void main(String[] args) throws Exception {
    Class<?> runner = Class.forName("software.amazon.dynamodb.services.local.main.ServerRunner");
    Object proxy =
        runner.getMethod("createServerFromCommandLineArgs", String[].class).invoke(null, (Object) args);
    java.lang.reflect.Field field = proxy.getClass().getDeclaredField("server");
    field.setAccessible(true);
    Object server = field.get(proxy);
    Object[] connectors = (Object[]) server.getClass().getMethod("getConnectors").invoke(server);
    if (connectors.length == 0) throw new IllegalStateException("DynamoDB Local has no connector");
    for (Object connector : connectors) {
      connector.getClass().getMethod("setHost", String.class).invoke(connector, "127.0.0.1");
    }
    proxy.getClass().getMethod("start").invoke(proxy);
    warmUp(args);
  }

  /**
   * One request as the SDK signs it (the engine checks a signature's form, not its key) for a
   * table that does not exist: the engine's first request costs a third of a second (parsing,
   * authorization, dispatch), paid here while the runtime is still loading its own code.
   */
  private static void warmUp(String[] args) {
    int port = Integer.parseInt(args[java.util.Arrays.asList(args).indexOf("-port") + 1]);
    try {
      java.net.HttpURLConnection connection =
          (java.net.HttpURLConnection) new java.net.URL("http://127.0.0.1:" + port + "/").openConnection();
      connection.setRequestMethod("POST");
      connection.setDoOutput(true);
      connection.setRequestProperty("Content-Type", "application/x-amz-json-1.0");
      connection.setRequestProperty("X-Amz-Target", "DynamoDB_20120810.GetItem");
      connection.setRequestProperty("X-Amz-Date", "20260101T000000Z");
      connection.setRequestProperty(
          "Authorization",
          "AWS4-HMAC-SHA256 Credential=local/20260101/af-south-1/dynamodb/aws4_request, "
              + "SignedHeaders=content-type;host;x-amz-date;x-amz-target, Signature=00");
      connection.getOutputStream().write(
          "{\"TableName\":\"huduma-warm-up\",\"Key\":{\"pk\":{\"S\":\"x\"}}}".getBytes());
      connection.getResponseCode(); // 400: ResourceNotFoundException, as intended
      connection.disconnect();
    } catch (java.io.IOException ignored) {
      // Only a head start: the first real request is served all the same.
    }
  }
}
