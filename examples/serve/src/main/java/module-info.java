/** The serving example: an HTTP inference server on the JDK's own HttpServer; exports nothing. */
module dev.weft.examples.serve {
    requires dev.weft.nn;
    requires jdk.httpserver;
}
