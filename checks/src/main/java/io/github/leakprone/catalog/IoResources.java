package io.github.leakprone.catalog;

import static com.google.errorprone.util.ASTHelpers.getSymbol;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import com.google.errorprone.ErrorProneFlags;
import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.Tree;
import com.sun.tools.javac.code.Source;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.code.Type;
import io.github.leakprone.trees.Closeables;
import io.github.leakprone.trees.CompiledWithUs;
import io.github.leakprone.trees.DoNothingClose;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import javax.annotation.Nullable;
import javax.lang.model.type.TypeKind;

/**
 * ResourceLeak's catalog: the JDK and library types whose instances hold an operating-system or
 * native resource until closed, with how each is acquired, and the decorators and views that share
 * one. Users add acquirers and closers with {@code -XepOpt:ResourceLeak:Acquirers=...} and {@code
 * -XepOpt:ResourceLeak:Closers=...}.
 *
 * <p>Not resources, never here: in-memory streams ({@code ByteArrayInputStream}, {@code
 * StringReader}, {@code CharArrayWriter}, ...), a {@code java.util.stream.Stream} not from {@code
 * Files}, a {@code Scanner} over a string. What matters is the descriptor, socket or mapped file
 * behind the object, not that it implements {@code Closeable}.
 */
public final class IoResources implements ResourceSpec {

  public static final String ACQUIRERS_FLAG = "ResourceLeak:Acquirers";
  public static final String CLOSERS_FLAG = "ResourceLeak:Closers";
  private static final String DOC_PAGE = "docs/bugpatterns/ResourceLeak.md";

  /**
   * An entry of the catalog, with the reason it holds something the OS must get back; {@code
   * onlyGivenAFile} for a loader that keeps only a {@code File} it is given open ({@link
   * #LOADS_THAT_KEEP_THE_FILE_OPEN}).
   */
  private record Entry(MethodRef acquirer, String reason, boolean onlyGivenAFile) {}

  /**
   * A constructor that makes a resource. {@code type} must be {@link AutoCloseable} or a zlib codec
   * ({@link ZlibCodecs}): a constructor of any other class is ruled out before the catalog is asked
   * ({@link #isAcquirer}), and flags cannot name constructors.
   */
  private static Entry constructor(String type, String reason) {
    return new Entry(new MethodRef(type, "<init>"), reason, false);
  }

  private static Entry method(String owner, String name, String reason) {
    return new Entry(new MethodRef(owner, name), reason, false);
  }

  /** A loader that acquires only when given a {@code File}, which it keeps open. */
  private static Entry loadFromAFile(String owner, String name, String reason) {
    return new Entry(new MethodRef(owner, name), reason, true);
  }

  private static final String FILE = "an open file descriptor until closed";
  private static final String LAZY_STREAM =
      "a stream over an open directory or file: the JDK documents that it must be closed";
  private static final String SOCKET = "an open socket (a file descriptor, a port) until closed";
  private static final String CHANNEL = "an open channel (a file descriptor) until closed";
  private static final String SELECTOR = "an epoll/kqueue descriptor and a pipe";
  private static final String LUCENE_READER = "the index's segment files, open until closed";
  private static final String PDF = "the PDF file it reads from, open until the document is closed";
  private static final String OFFICE_FILE =
      "the Office file it reads from, open until the workbook, package or file system is closed";
  private static final String SOURCE =
      "a new stream over the resource's file, jar entry or connection, open until closed";
  private static final String UPLOAD =
      "a new stream over the upload's temporary file, where it was too large to keep in memory";
  private static final String IMAGE_STREAM =
      "a RandomAccessFile over the file, or, over a stream, a temporary cache file that only"
          + " close() deletes";

  private static final ImmutableList<Entry> CATALOG =
      ImmutableList.of(
          constructor("java.io.FileInputStream", FILE),
          constructor("java.io.FileOutputStream", FILE),
          constructor("java.io.FileReader", FILE),
          constructor("java.io.FileWriter", FILE),
          constructor("java.io.RandomAccessFile", FILE),
          constructor("java.util.zip.ZipFile", "an open file and native inflater state"),
          constructor("java.util.zip.Deflater", ZlibCodecs.REASON),
          constructor("java.util.zip.Inflater", ZlibCodecs.REASON),
          constructor("java.net.Socket", SOCKET),
          constructor("java.net.ServerSocket", SOCKET),
          constructor("java.net.DatagramSocket", SOCKET),
          constructor(
              "java.net.URLClassLoader",
              "its open jar files, and every class it loaded pinned in Metaspace until closed"),
          method("java.nio.file.Files", "newInputStream", FILE),
          method("java.nio.file.Files", "newOutputStream", FILE),
          method("java.nio.file.Files", "newBufferedReader", FILE),
          method("java.nio.file.Files", "newBufferedWriter", FILE),
          method("java.nio.file.Files", "newByteChannel", FILE),
          method("java.nio.file.Files", "newDirectoryStream", LAZY_STREAM),
          method("java.nio.file.Files", "lines", LAZY_STREAM),
          method("java.nio.file.Files", "list", LAZY_STREAM),
          method("java.nio.file.Files", "walk", LAZY_STREAM),
          method("java.nio.file.Files", "find", LAZY_STREAM),
          method("java.nio.channels.FileChannel", "open", CHANNEL),
          method("java.nio.channels.AsynchronousFileChannel", "open", CHANNEL),
          method("java.nio.channels.SocketChannel", "open", CHANNEL),
          method("java.nio.channels.ServerSocketChannel", "open", CHANNEL),
          method("java.nio.channels.DatagramChannel", "open", CHANNEL),
          method("java.net.ServerSocket", "accept", SOCKET),
          // Not createSocket(socket, host, port, autoClose), which layers TLS over a socket the
          // caller already holds (isAcquirer).
          method("javax.net.SocketFactory", "createSocket", SOCKET),
          method("javax.net.ServerSocketFactory", "createServerSocket", SOCKET),
          method("java.nio.channels.ServerSocketChannel", "accept", CHANNEL),
          method("java.nio.channels.Selector", "open", SELECTOR),
          // What the channels' and Selector's open() are short for: the provider's openers.
          method("java.nio.channels.spi.SelectorProvider", "openSocketChannel", CHANNEL),
          method("java.nio.channels.spi.SelectorProvider", "openServerSocketChannel", CHANNEL),
          method("java.nio.channels.spi.SelectorProvider", "openDatagramChannel", CHANNEL),
          method("java.nio.channels.spi.SelectorProvider", "openSelector", SELECTOR),
          method(
              "java.nio.file.FileSystems",
              "newFileSystem",
              "an open archive file (a zip or jar file system)"),
          method("java.net.URL", "openStream", "a connection's socket or a file until closed"),
          // What URL.openStream() is short for, opened on a connection configured first.
          method(
              "java.net.URLConnection",
              "getInputStream",
              "a connection's socket or a file until closed"),
          // PDFBox reads a document lazily through its file (LOADS_THAT_KEEP_THE_FILE_OPEN).
          constructor("org.apache.pdfbox.io.RandomAccessReadBufferedFile", FILE),
          loadFromAFile("org.apache.pdfbox.pdmodel.PDDocument", "load", PDF),
          loadFromAFile("org.apache.pdfbox.Loader", "loadPDF", PDF),
          // Apache POI reads an Office file lazily through the file it is given: POI's own
          // documentation asks that what it opens on a File be closed "to avoid leaving file
          // handles open". The constructors are in FILE_OPENING_WHEN_GIVEN_A_PATH.
          loadFromAFile("org.apache.poi.ss.usermodel.WorkbookFactory", "create", OFFICE_FILE),
          loadFromAFile("org.apache.poi.openxml4j.opc.OPCPackage", "open", OFFICE_FILE),
          method("javax.imageio.ImageIO", "createImageInputStream", IMAGE_STREAM),
          method("javax.imageio.ImageIO", "createImageOutputStream", IMAGE_STREAM),
          // Lucene: a reader keeps the index's segment files open (mapped or read through file
          // descriptors); a writer also holds the index's write.lock, which keeps every other
          // writer out until it is closed. IndexReader.open is Lucene 3's name for the same.
          method("org.apache.lucene.index.DirectoryReader", "open", LUCENE_READER),
          method("org.apache.lucene.index.IndexReader", "open", LUCENE_READER),
          constructor(
              "org.apache.lucene.index.IndexWriter",
              "the index's write.lock, which keeps every other writer out, and its segment files,"
                  + " until closed"),
          method(
              "java.net.URLClassLoader",
              "newInstance",
              "its open jar files, and every class it loaded pinned in Metaspace until closed"),
          // Spring's InputStreamSource (Resource, MultipartFile, EncodedResource): "each call
          // creates a fresh stream", and the caller is responsible for closing it.
          method("org.springframework.core.io.InputStreamSource", "getInputStream", SOURCE),
          // An upload's content: an upload larger than what is kept in memory is a temporary file,
          // and each call opens it anew.
          method("org.apache.commons.fileupload.FileItem", "getInputStream", UPLOAD),
          method("org.apache.commons.fileupload2.core.FileItem", "getInputStream", UPLOAD),
          method("org.apache.tomcat.util.http.fileupload.FileItem", "getInputStream", UPLOAD),
          method("javax.servlet.http.Part", "getInputStream", UPLOAD),
          method("jakarta.servlet.http.Part", "getInputStream", UPLOAD),
          // Kafka's consumer: "the consumer maintains TCP connections to the necessary brokers to
          // fetch data. Failure to close the consumer after use will leak these connections." Not
          // its producer, a heavyweight client HeavyweightClientPerCall reports when made per call.
          constructor(
              "org.apache.kafka.clients.consumer.KafkaConsumer",
              "TCP connections to the brokers, and its membership of the consumer group, until"
                  + " closed"),
          method(
              "okhttp3.Call",
              "execute",
              "the pooled connection its body streams from: unclosed, the pool runs dry"),
          method(
              "org.apache.http.impl.client.CloseableHttpClient",
              "execute",
              "the pooled connection its entity streams from: unclosed, the pool runs dry"),
          method(
              "org.apache.hc.client5.http.impl.classic.CloseableHttpClient",
              "execute",
              "the pooled connection its entity streams from: unclosed, the pool runs dry"),
          // HttpClient 5.2's way to a response the caller reads and closes, on the interface.
          method(
              "org.apache.hc.client5.http.classic.HttpClient",
              "executeOpen",
              "the pooled connection its entity streams from: unclosed, the pool runs dry"));

  /**
   * Constructors that take a file name or {@code File} and open it, where the same type's other
   * constructors wrap a stream or read a string: only these acquire. ImageIO's file streams open a
   * {@code RandomAccessFile} on the file they are given, or decorate one the caller opened; Apache
   * POI's OLE2 file system and XSSF workbook keep the file they are given open, and read a stream
   * into memory.
   */
  private static final ImmutableList<String> FILE_OPENING_WHEN_GIVEN_A_PATH =
      ImmutableList.of(
          "java.util.Scanner",
          "java.util.Formatter",
          "java.io.PrintWriter",
          "java.io.PrintStream",
          "javax.imageio.stream.FileImageInputStream",
          "javax.imageio.stream.FileImageOutputStream",
          "org.apache.poi.poifs.filesystem.POIFSFileSystem",
          "org.apache.poi.poifs.filesystem.NPOIFSFileSystem",
          "org.apache.poi.xssf.usermodel.XSSFWorkbook");

  /**
   * Loaders of a document that keep the file they are given a {@code File} of open until the
   * document is closed: PDFBox's {@code PDDocument.load(File)} (2.x) and {@code
   * Loader.loadPDF(File)} (3.x) read the PDF lazily through the file, as POI's {@code
   * WorkbookFactory.create(File)} and {@code OPCPackage.open(File)} read an Office file. Given
   * bytes or a stream, they read it into memory, and hold nothing the OS must get back.
   */
  private static final ImmutableList<MethodRef> LOADS_THAT_KEEP_THE_FILE_OPEN =
      CATALOG.stream()
          .filter(Entry::onlyGivenAFile)
          .map(Entry::acquirer)
          .collect(ImmutableList.toImmutableList());

  /**
   * Spring's sources whose stream is no resource: a byte array's, and the stream an {@code
   * InputStreamResource} was given, which stays its maker's to close.
   */
  private static final ImmutableList<String> SOURCES_IN_MEMORY =
      ImmutableList.of(
          "org.springframework.core.io.ByteArrayResource",
          "org.springframework.core.io.InputStreamResource");

  private static final MethodRef URL_CONNECTION_STREAM =
      new MethodRef("java.net.URLConnection", "getInputStream");

  private static final ImmutableList<String> HTTP_URL_CONNECTIONS =
      ImmutableList.of("java.net.HttpURLConnection");

  /** Where a class loader's constructor may be told to load from. */
  private static final ImmutableList<String> PLACES_TO_LOAD_FROM =
      ImmutableList.of("java.net.URL", "java.io.File", "java.nio.file.Path", "java.lang.Iterable");

  /** Types whose first parameter names a file to open. */
  private static final ImmutableList<String> PATH_TYPES =
      ImmutableList.of("java.io.File", "java.nio.file.Path");

  /**
   * Calls whose result is the receiver's resource seen another way: closing either closes both (an
   * OkHttp body and its response, an Apache HTTP response's entity, which {@code
   * EntityUtils.consume} closes, and the entity's content stream, a socket and its streams, a file
   * stream and its channel, a channel and the socket adaptor its {@code socket()} returns, whose
   * {@code close()} closes the channel, and back: the channel a socket's {@code getChannel()}
   * returns, null for a socket made without one).
   */
  private static final ImmutableList<MethodRef> VIEWS =
      ImmutableList.of(
          new MethodRef("okhttp3.Response", "body"),
          new MethodRef("org.apache.http.HttpResponse", "getEntity"),
          new MethodRef("org.apache.hc.core5.http.HttpEntityContainer", "getEntity"),
          // The entity's content stream gives the response's connection back at its end, or
          // aborts it, when closed: HttpClient 5's entity is itself Closeable, so the stream is
          // no product of an object that holds nothing (Wrappers) and must be named here.
          new MethodRef("org.apache.http.HttpEntity", "getContent"),
          new MethodRef("org.apache.hc.core5.http.HttpEntity", "getContent"),
          new MethodRef("java.net.Socket", "getInputStream"),
          new MethodRef("java.net.Socket", "getOutputStream"),
          new MethodRef("java.io.FileInputStream", "getChannel"),
          new MethodRef("java.io.FileOutputStream", "getChannel"),
          new MethodRef("java.io.RandomAccessFile", "getChannel"),
          new MethodRef("java.nio.channels.SocketChannel", "socket"),
          new MethodRef("java.nio.channels.ServerSocketChannel", "socket"),
          new MethodRef("java.nio.channels.DatagramChannel", "socket"),
          new MethodRef("java.net.Socket", "getChannel"),
          new MethodRef("java.net.ServerSocket", "getChannel"),
          new MethodRef("java.net.DatagramSocket", "getChannel"));

  /** Apache HttpClient 4's {@code execute}, whose request can release the response it returns. */
  private static final ImmutableList<MethodRef> APACHE_4_EXECUTE =
      ImmutableList.of(
          new MethodRef("org.apache.http.impl.client.CloseableHttpClient", "execute"),
          new MethodRef("org.apache.http.client.HttpClient", "execute"));

  /** Apache HttpClient 4's requests that can release the connection of their response. */
  private static final ImmutableList<String> RELEASABLE_REQUESTS =
      ImmutableList.of("org.apache.http.client.methods.AbstractExecutionAwareRequest");

  /**
   * What releases the connection of the response a request was executed for, as closing the
   * response would: {@code HttpRequestBase.releaseConnection()} (the idiom of HttpClient 4's
   * examples before 4.3 closed responses, in a {@code finally}), and the {@code reset()} and {@code
   * abort()} it stands for.
   */
  private static final ImmutableList<MethodRef> REQUEST_RELEASES =
      ImmutableList.of(
          new MethodRef("org.apache.http.client.methods.HttpRequestBase", "releaseConnection"),
          new MethodRef("org.apache.http.client.methods.AbstractExecutionAwareRequest", "reset"),
          new MethodRef("org.apache.http.client.methods.AbstractExecutionAwareRequest", "abort"));

  /**
   * Reads that consume what they read whole and close it, whether they succeed or fail: OkHttp's
   * {@code ResponseBody.string()} and {@code bytes()}, which its documentation lists among the
   * calls that close a response (they close the body's source in a {@code finally}): {@code throw
   * new UpException(response.body().string())} leaves nothing open.
   */
  private static final ImmutableList<MethodRef> READS_THAT_CLOSE =
      ImmutableList.of(
          new MethodRef("okhttp3.ResponseBody", "string"),
          new MethodRef("okhttp3.ResponseBody", "bytes"));

  /**
   * Calls that close their receiver when they fail: a socket whose connection cannot be made is
   * closed by the JDK before the exception leaves (both socket implementations since JDK 8;
   * SocketChannel documents it), so that path loses nothing. But see {@link
   * #CONNECT_CHECKS_THE_NAME_FIRST}.
   */
  private static final ImmutableList<MethodRef> CLOSE_ON_FAILURE =
      ImmutableList.of(
          new MethodRef("java.net.Socket", "connect"),
          new MethodRef("java.nio.channels.SocketChannel", "connect"));

  /**
   * A socket's {@code connect} to an address whose host name did not resolve throws {@code
   * UnknownHostException} before the code that closes the socket when connecting fails (JDK 17's
   * NioSocketImpl checks the address first; measured here, one descriptor left open per attempt on
   * JDK 17, none on JDK 25, whose {@code Socket.connect} closes the socket on every failure). A
   * channel's {@code connect} fails so with {@code UnresolvedAddressException}, unchecked, on every
   * JDK: a path of the exception policy's flag.
   */
  private static final ImmutableList<MethodRef> CONNECT_CHECKS_THE_NAME_FIRST =
      ImmutableList.of(new MethodRef("java.net.Socket", "connect"));

  /**
   * Calls that configure a socket or channel and fail only if it is closed already (the JDK
   * documents "if the socket is closed" or "an error in the underlying protocol" for the setters,
   * and a closed channel for configureBlocking): between opening and first use, they lose nothing.
   * A socket's streams are made without I/O: getting one fails only on a socket that is closed, not
   * connected or shut down for that direction (NioSocketImpl, SSLSocketImpl); a channel's addresses
   * are state it keeps, and so is a file's descriptor ({@code getFD}). Reading an option back
   * ({@code getSoTimeout}, {@code getTcpNoDelay}, ...) fails, as setting it does, only on a closed
   * socket.
   */
  private static final ImmutableList<MethodRef> FAIL_ONLY_WHEN_CLOSED =
      ImmutableList.of(
          new MethodRef("java.net.Socket", "set*"),
          new MethodRef("java.net.Socket", "getSo*"),
          new MethodRef("java.net.Socket", "getTcpNoDelay"),
          new MethodRef("java.net.Socket", "getKeepAlive"),
          new MethodRef("java.net.Socket", "getOOBInline"),
          new MethodRef("java.net.Socket", "getReceiveBufferSize"),
          new MethodRef("java.net.Socket", "getSendBufferSize"),
          new MethodRef("java.net.Socket", "getReuseAddress"),
          new MethodRef("java.net.Socket", "getTrafficClass"),
          new MethodRef("java.net.ServerSocket", "getSoTimeout"),
          new MethodRef("java.net.ServerSocket", "getReceiveBufferSize"),
          new MethodRef("java.net.ServerSocket", "getReuseAddress"),
          new MethodRef("java.net.DatagramSocket", "getSoTimeout"),
          new MethodRef("java.net.DatagramSocket", "getReceiveBufferSize"),
          new MethodRef("java.net.DatagramSocket", "getSendBufferSize"),
          new MethodRef("java.net.DatagramSocket", "getReuseAddress"),
          new MethodRef("java.net.DatagramSocket", "getBroadcast"),
          new MethodRef("java.net.DatagramSocket", "getTrafficClass"),
          new MethodRef("java.net.Socket", "getInputStream"),
          new MethodRef("java.net.Socket", "getOutputStream"),
          new MethodRef("java.nio.channels.NetworkChannel", "getLocalAddress"),
          new MethodRef("java.nio.channels.SocketChannel", "getRemoteAddress"),
          new MethodRef("java.net.ServerSocket", "set*"),
          new MethodRef("java.net.DatagramSocket", "set*"),
          new MethodRef("java.nio.channels.NetworkChannel", "setOption"),
          new MethodRef("java.nio.channels.spi.AbstractSelectableChannel", "configureBlocking"),
          new MethodRef("java.io.FileInputStream", "getFD"),
          new MethodRef("java.io.FileOutputStream", "getFD"),
          new MethodRef("java.io.RandomAccessFile", "getFD"));

  /**
   * The opening of a local file for reading, whose reads then fail only when the disk does ({@link
   * #FAIL_ONLY_ON_A_DEVICE_ERROR}). A {@code FileReader} decodes as an {@code InputStreamReader}
   * does, replacing malformed input rather than throwing.
   */
  private static final ImmutableList<MethodRef> LOCAL_FILE_OPENS =
      ImmutableList.of(
          new MethodRef("java.io.FileInputStream", "<init>"),
          new MethodRef("java.io.FileReader", "<init>"));

  /**
   * Reads that add to what they read only a buffer, a decoding that replaces malformed input, or a
   * parse that fails only by an unchecked exception ({@code Properties.load}'s malformed unicode
   * escape): over a local file ({@link #LOCAL_FILE_OPENS}) they fail only as its own reads do. By
   * the class that declares them, not its subtypes: {@code fr.read(buffer)} on a {@code FileReader}
   * is {@code Reader.read(char[])}, while {@code DataInputStream}'s and {@code ObjectInputStream}'s
   * reads, which throw at the end of the data or on its content, are their own, and so is {@code
   * Properties.loadFromXML}, which throws on malformed XML.
   */
  private static final ImmutableMap<String, ImmutableSet<String>> PLAIN_READS =
      ImmutableMap.<String, ImmutableSet<String>>builder()
          .put("java.io.InputStream", ImmutableSet.of("read", "readAllBytes", "readNBytes", "skip"))
          .put(
              "java.io.FileInputStream",
              ImmutableSet.of("read", "readAllBytes", "readNBytes", "skip", "available"))
          .put("java.io.FilterInputStream", ImmutableSet.of("read", "skip", "available"))
          .put("java.io.BufferedInputStream", ImmutableSet.of("read", "skip", "available"))
          .put("java.io.Reader", ImmutableSet.of("read", "ready", "skip"))
          .put("java.io.InputStreamReader", ImmutableSet.of("read", "ready"))
          .put("java.io.BufferedReader", ImmutableSet.of("read", "readLine", "ready", "skip"))
          .put("java.io.LineNumberReader", ImmutableSet.of("read", "readLine", "skip"))
          .put("java.util.Properties", ImmutableSet.of("load"))
          .buildOrThrow();

  /**
   * Reads and moves of a local file itself, not through a decorator: a missing file, a directory or
   * a denied one fails when it is opened, and after that these fail only when the disk does ({@code
   * read} returns -1 at the end rather than throw; a negative {@code seek} is a bug). A path that
   * only a device error takes is not one a maintainer guards (ftpserver's {@code raf.seek} after
   * opening, jxl's images read from disk). Not the reads that throw at the end of the data ({@code
   * readFully}, {@code readInt}: a truncated file does that), nor any write (a full disk).
   */
  private static final ImmutableList<MethodRef> FAIL_ONLY_ON_A_DEVICE_ERROR =
      ImmutableList.of(
          new MethodRef("java.io.FileInputStream", "read"),
          new MethodRef("java.io.FileInputStream", "readAllBytes"),
          new MethodRef("java.io.FileInputStream", "readNBytes"),
          new MethodRef("java.io.FileInputStream", "available"),
          new MethodRef("java.io.FileInputStream", "skip"),
          new MethodRef("java.io.FileReader", "read"),
          new MethodRef("java.io.FileReader", "ready"),
          new MethodRef("java.io.FileReader", "skip"),
          new MethodRef("java.io.RandomAccessFile", "read"),
          new MethodRef("java.io.RandomAccessFile", "seek"),
          new MethodRef("java.io.RandomAccessFile", "length"),
          new MethodRef("java.io.RandomAccessFile", "getFilePointer"),
          new MethodRef("java.nio.channels.FileChannel", "read"),
          new MethodRef("java.nio.channels.FileChannel", "position"),
          new MethodRef("java.nio.channels.FileChannel", "size"));

  /** Handing a channel to a selector: {@code channel.register(selector, ops[, attachment])}. */
  private static final ImmutableList<MethodRef> SELECTOR_REGISTRATIONS =
      ImmutableList.of(new MethodRef("java.nio.channels.SelectableChannel", "register"));

  /**
   * An HTTP entity written out whole, {@code response.getEntity().writeTo(out)}: the entity of a
   * response HttpClient streams (4.x's {@code ResponseEntityProxy}, 5.x's) releases the connection
   * when the write ends and aborts it when the write fails, as {@code EntityUtils.consume} would
   * (pusher-http-java's REST client, a FALSE "never closed" of the hundred-and-eighteenth holdout
   * round).
   */
  private static final ImmutableList<MethodRef> ENTITY_WRITES =
      ImmutableList.of(
          new MethodRef("org.apache.http.HttpEntity", "writeTo"),
          new MethodRef("org.apache.hc.core5.http.HttpEntity", "writeTo"));

  /**
   * HttpClient's basic response handlers: {@code handleResponse(response)} reads the entity whole
   * into a string, or consumes it before it throws on an error status, and either way the
   * response's connection goes back (the WeChat SDK's token refresh). Not any {@code
   * ResponseHandler}: one may read only the status, and leave the entity to the {@code
   * execute(request, handler)} that called it.
   */
  private static final ImmutableList<MethodRef> RESPONSE_HANDLERS_THAT_READ_IT_WHOLE =
      ImmutableList.of(
          new MethodRef("org.apache.http.impl.client.BasicResponseHandler", "handleResponse"),
          new MethodRef(
              "org.apache.hc.client5.http.impl.classic.BasicHttpClientResponseHandler",
              "handleResponse"));

  /** Well-known helpers that close every argument. */
  private static final ImmutableList<MethodRef> CLOSERS =
      ImmutableList.of(
          new MethodRef("org.apache.commons.io.IOUtils", "closeQuietly"),
          new MethodRef("com.google.common.io.Closeables", "close"),
          new MethodRef("com.google.common.io.Closeables", "closeQuietly"),
          new MethodRef("okhttp3.internal.Util", "closeQuietly"),
          new MethodRef("org.apache.http.client.utils.HttpClientUtils", "closeQuietly"),
          // "The InputStream is closed" (Commons IO's FileUtils.copyInputStreamToFile(source,
          // file); not copyToFile, which leaves it open).
          new MethodRef("org.apache.commons.io.FileUtils", "copyInputStreamToFile"),
          // An HTTP entity consumed: its content stream is closed, and with it the connection of
          // the response it came from is released (or aborted, if the close fails). Reading it
          // whole into a string or an array does the same: both close the content stream when
          // they end, read or failed (httpcore 4's finally, httpcore5's try-with-resources), so
          // the response an error branch reads before it throws holds nothing (Canal's RDS
          // request, a holdout round's false alarm).
          new MethodRef("org.apache.http.util.EntityUtils", "consume"),
          new MethodRef("org.apache.http.util.EntityUtils", "consumeQuietly"),
          new MethodRef("org.apache.http.util.EntityUtils", "toString"),
          new MethodRef("org.apache.http.util.EntityUtils", "toByteArray"),
          new MethodRef("org.apache.hc.core5.http.io.entity.EntityUtils", "consume"),
          new MethodRef("org.apache.hc.core5.http.io.entity.EntityUtils", "consumeQuietly"),
          new MethodRef("org.apache.hc.core5.http.io.entity.EntityUtils", "toString"),
          new MethodRef("org.apache.hc.core5.http.io.entity.EntityUtils", "toByteArray"));

  /**
   * Constructors that read a stream to the end of what they need and leave it open: JavaMail's
   * {@code MimeMessage(Session, InputStream)}, whose stream "will be left positioned at the end of
   * the data for the message" (Aspirin's file store opens one per stored mail), and the JDK's
   * {@code Manifest(InputStream)} and {@code PropertyResourceBundle(InputStream)}, which read it
   * whole as {@code Properties.load} does and, as it, never close it (GCViewer's build-info reader,
   * {@code new Manifest(url.openStream())} twice per log it loads: round 121's miss).
   */
  private static final ImmutableList<MethodRef> READERS_THAT_LEAVE_IT_OPEN =
      ImmutableList.of(
          new MethodRef("javax.mail.internet.MimeMessage", "<init>"),
          new MethodRef("jakarta.mail.internet.MimeMessage", "<init>"),
          new MethodRef("java.util.jar.Manifest", "<init>"),
          new MethodRef("java.util.PropertyResourceBundle", "<init>"));

  /**
   * Constructors that search through an index reader and leave it open: Lucene's {@code
   * IndexSearcher(IndexReader)}, documented so (the searcher has nothing to close; the reader is
   * its opener's to close, and one reader serves many searchers).
   */
  private static final ImmutableList<MethodRef> SEARCHERS_OVER_A_READER =
      ImmutableList.of(new MethodRef("org.apache.lucene.search.IndexSearcher", "<init>"));

  /**
   * The JDK's XML parsers: they close the stream or reader they parse (through an {@code
   * InputSource} too) when the parse ends, failed or not, so a stream handed to one is released.
   * And the libraries that parse through them: Commons Digester, dom4j and JDOM 2 wrap the stream
   * in an {@code InputSource} and hand it to an {@code XMLReader} (read in their bytecode: Digester
   * 1.8.1, dom4j 1.1, JDOM 2.0.6.1), and DBUnit's {@code FlatXmlDataSetBuilder.build} parses it at
   * once through the JDK's SAX parser (a flat XML data set caches its rows; a malformed one fails
   * with the stream closed, tried on JDK 17 through Database Rider). JAXB's {@code
   * Unmarshaller.unmarshal} and {@code JAXB.unmarshal} of a stream or reader parse it the same way,
   * through a SAX {@code XMLReader} (sqldump's schema and diff readers, false findings of the
   * seventy-third holdout round), and so does Castor's {@code Unmarshaller.unmarshal(Reader)},
   * which wraps the reader in an {@code InputSource} for its SAX parser (read in Castor 1.4.1's
   * bytecode; Anonimatron's configuration and synonym readers, false findings of the
   * hundred-and-twenty-fourth round).
   */
  private static final ImmutableList<MethodRef> XML_PARSES =
      ImmutableList.of(
          new MethodRef("javax.xml.bind.Unmarshaller", "unmarshal"),
          new MethodRef("jakarta.xml.bind.Unmarshaller", "unmarshal"),
          new MethodRef("javax.xml.bind.JAXB", "unmarshal"),
          new MethodRef("jakarta.xml.bind.JAXB", "unmarshal"),
          new MethodRef("org.exolab.castor.xml.Unmarshaller", "unmarshal"),
          new MethodRef("javax.xml.parsers.DocumentBuilder", "parse"),
          new MethodRef("javax.xml.parsers.SAXParser", "parse"),
          new MethodRef("org.xml.sax.XMLReader", "parse"),
          new MethodRef("org.apache.commons.digester.Digester", "parse"),
          new MethodRef("org.dom4j.io.SAXReader", "read"),
          new MethodRef("org.jdom2.input.SAXBuilder", "build"),
          new MethodRef("org.dbunit.dataset.xml.FlatXmlDataSetBuilder", "build"));

  /**
   * Jackson's readers of a whole document from a stream or a reader: the parser they make closes
   * its source when it is closed ({@code JsonParser.Feature.AUTO_CLOSE_SOURCE}, on by default), and
   * they close the parser when the read ends, failed or not ({@code _readMapAndClose}); and
   * json-io's. Not Gson's {@code fromJson(reader)}, which leaves the reader to its caller.
   */
  private static final ImmutableList<MethodRef> JSON_READS =
      ImmutableList.of(
          new MethodRef("com.fasterxml.jackson.databind.ObjectMapper", "readValue"),
          new MethodRef("com.fasterxml.jackson.databind.ObjectMapper", "readTree"),
          new MethodRef("com.fasterxml.jackson.databind.ObjectReader", "readValue"),
          new MethodRef("com.fasterxml.jackson.databind.ObjectReader", "readTree"),
          // json-io 4's static reads of a stream, which close it once the object is read (a parse
          // error, a JsonIoException, is unchecked: jsign's credentials client, an evaluation
          // FALSE).
          new MethodRef("com.cedarsoftware.util.io.JsonReader", "jsonToMaps"),
          new MethodRef("com.cedarsoftware.util.io.JsonReader", "jsonToJava"));

  /** The sources a document read closes when it is given them as its first argument. */
  private static final ImmutableList<String> READ_SOURCES =
      ImmutableList.of("java.io.InputStream", "java.io.Reader");

  /** What an XML parser reads: it holds the stream or reader it is made from. */
  private static final String INPUT_SOURCE = "org.xml.sax.InputSource";

  private static final ImmutableList<String> CLOSEABLE_TYPES =
      ImmutableList.of("java.io.Closeable", "java.lang.AutoCloseable");

  /**
   * What a project calls its own methods that make a stream, reader, writer, file, channel or
   * socket or runs an HTTP request: {@code open*}, {@code create*}, {@code new*}, {@code execute*},
   * {@code connect*} (jodd-http's {@code Sockets.connect(host, port)}, which returns a new socket
   * it has connected), {@code acquire*} (Taglibs' {@code acquireReader()}, a reader over a URL
   * connection's stream), and {@code get*Stream}, {@code get*Reader}, {@code get*Writer}
   * (Velocity's {@code generator.getWriter(path, encoding)} that returns a new {@code FileWriter}).
   * The name only lets the call be asked: the body, in sight, decides (a getter that returns a
   * stream its object holds makes nothing).
   */
  private static final NamePatterns FACTORY_NAMES =
      NamePatterns.of(
          ImmutableList.of("open*", "create*", "new*", "execute*", "connect*", "acquire*"));

  private static final ImmutableList<String> GETTER_SUFFIXES =
      ImmutableList.of("Stream", "Reader", "Writer");

  /**
   * The types a project's factory returns that hold an OS resource, or a pooled connection, when
   * they are fresh.
   */
  private static final ImmutableList<String> FACTORY_RESULT_TYPES =
      ImmutableList.of(
          "java.io.InputStream",
          "java.io.OutputStream",
          "java.io.Reader",
          "java.io.Writer",
          "java.io.RandomAccessFile",
          "java.nio.channels.Channel",
          "java.net.Socket",
          "java.net.ServerSocket",
          "java.net.DatagramSocket",
          "java.util.zip.ZipFile",
          // A helper that runs a request for the project (Commons VFS's executeHttpUriRequest)
          // hands on the response and the pooled connection it streams from.
          "okhttp3.Response",
          "org.apache.http.client.methods.CloseableHttpResponse",
          "org.apache.hc.core5.http.ClassicHttpResponse");

  private final ImmutableList<MethodRef> owned;
  private final StaticClosers closers;
  private final Map<MethodSymbol, Boolean> acquiresByMethod = new HashMap<>();
  private final Map<MethodSymbol, Boolean> projectFactories = new HashMap<>();
  private final Map<MethodSymbol, ImmutableSet<Integer>> decoratedByConstructor = new HashMap<>();
  private final Map<MethodSymbol, Boolean> readsAndCloses = new HashMap<>();
  private final Map<MethodSymbol, Boolean> endsAsCloseDoes = new HashMap<>();

  /** The names of the acquirers, for {@link #namedLikeAcquirer}. */
  private final NamePatterns ownedNames;

  private IoResources(ImmutableList<MethodRef> owned, StaticClosers closers) {
    this.owned = owned;
    this.closers = closers;
    this.ownedNames = NamePatterns.ofMethods(owned);
  }

  /** The built-in catalog plus what {@code flags} add. */
  public static IoResources fromFlags(ErrorProneFlags flags) {
    return new IoResources(
        ImmutableList.<MethodRef>builder()
            .addAll(CATALOG.stream().map(Entry::acquirer).iterator())
            .addAll(FlagSyntax.methodRefs(flags, ACQUIRERS_FLAG, DOC_PAGE))
            .build(),
        new StaticClosers(CLOSERS, flags, CLOSERS_FLAG, DOC_PAGE));
  }

  /** Whether {@code method} is named like an acquirer, asked of every call before anything else. */
  public boolean namedLikeAcquirer(String name) {
    return ownedNames.matches(name) || namedLikeFactory(name);
  }

  private static boolean namedLikeFactory(String name) {
    if (FACTORY_NAMES.matches(name)) {
      return true;
    }
    if (name.startsWith("get")) {
      for (String suffix : GETTER_SUFFIXES) {
        if (name.endsWith(suffix)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * A method of the project named like a factory whose declared result is a stream, reader, writer,
   * file, channel or socket ({@link ProjectFactories}).
   */
  private static boolean isProjectFactory(MethodSymbol method, VisitorState state) {
    return !method.isConstructor()
        && namedLikeFactory(method.getSimpleName().toString())
        && ProjectFactories.returnsOneOf(method, FACTORY_RESULT_TYPES, state);
  }

  /**
   * Whether {@code acquirer} is one of the {@code Files} methods whose stream Error Prone's own
   * StreamResourceLeak reports.
   */
  public static boolean isFilesStream(MethodSymbol acquirer, VisitorState state) {
    return CATALOG.stream()
        .anyMatch(
            entry ->
                LAZY_STREAM.equals(entry.reason()) && entry.acquirer().matches(acquirer, state));
  }

  @Override
  public Optional<Acquisition> acquisition(ExpressionTree tree, VisitorState state) {
    if (!(tree instanceof NewClassTree) && !(tree instanceof MethodInvocationTree)) {
      return Optional.empty();
    }
    MethodSymbol method = (MethodSymbol) getSymbol(tree);
    // super(...) and this(...) are calls of a constructor, but make no new object.
    if (method == null || (tree instanceof MethodInvocationTree && method.isConstructor())) {
      return Optional.empty();
    }
    if (acquires(method, state)) {
      return Optional.of(Acquisition.OWNED);
    }
    // A project's factory acquires only where its body, in sight, returns a new resource.
    return tree instanceof MethodInvocationTree
            && projectFactories.computeIfAbsent(method, m -> isProjectFactory(m, state))
        ? Optional.of(Acquisition.OWNED_IF_SEEN_FRESH)
        : Optional.empty();
  }

  /**
   * Whether {@code method} is declared to return something to close: an {@code AutoCloseable}, or a
   * type with a {@code close()} of its own. Not an overload of a listed method that returns what a
   * callback made ({@code <T> T execute(request, responseHandler)}, which closes the response
   * itself).
   */
  private static boolean returnsSomethingToClose(MethodSymbol method, VisitorState state) {
    Type result = method.getReturnType();
    return result != null
        && !(result instanceof Type.TypeVar)
        && Closeables.isSomethingToClose(result, state);
  }

  /**
   * Whether {@code method} makes a socket over one it is given ({@code
   * SSLSocketFactory.createSocket(socket, host, port, autoClose)}): the socket given is the
   * resource, and what is made wraps it (see {@code Wrappers}).
   */
  private static boolean layersOverASocket(MethodSymbol method, VisitorState state) {
    Type socket = NamedTypes.get("java.net.Socket", state);
    return socket != null
        && !method.getParameters().isEmpty()
        && ASTHelpers.isSubtype(method.getParameters().get(0).type, socket, state);
  }

  /** Whether a call of {@code method} or constructor makes a new resource; once per method. */
  public boolean acquires(MethodSymbol method, VisitorState state) {
    Boolean known = acquiresByMethod.get(method);
    if (known == null) {
      // Not computeIfAbsent: a project's class is judged by what its constructor opens, which asks
      // this again of other constructors. A class that opens one of its own kind is not one until
      // its answer is in.
      acquiresByMethod.put(method, false);
      known = isAcquirer(method, state);
      acquiresByMethod.put(method, known);
    }
    return known;
  }

  private boolean isAcquirer(MethodSymbol method, VisitorState state) {
    // Asked of every constructor of a compilation (exceptions, collections, builders): one subtype
    // test rules most out before the catalog's two dozen.
    if (method.isConstructor()
        && !ASTHelpers.isSubtype(method.owner.type, state.getSymtab().autoCloseableType, state)) {
      // A zlib codec before JDK 25, which made it AutoCloseable, is a resource all the same. A
      // project class with a close() of its own, older than AutoCloseable (winzipaes's
      // ExtRandomAccessFile), is read as an AutoCloseable one is; no other such class acquires.
      return ZlibCodecs.isCodec(method.owner.type, state)
          || (ProjectResourceClasses.declaresClose(method.owner, state)
              && ProjectResourceClasses.opensOneInAField(method, state, m -> acquires(m, state)));
    }
    if (MethodRef.anyMatches(owned, method, state)) {
      if (!method.isConstructor()) {
        return returnsSomethingToClose(method, state)
            && !layersOverASocket(method, state)
            && !loadsIntoMemory(method, state)
            && !NamedTypes.isSubtypeOfAny(method.owner.type, SOURCES_IN_MEMORY, state);
      }
      // A project's subclass whose close() releases nothing holds nothing of its own: a socket
      // that adapts another socket's streams.
      return !DoNothingClose.of(method.owner.type, state) && !makesALoaderOfNoUrls(method, state);
    }
    if (method.isConstructor()
        && ProjectResourceClasses.opensOneInAField(method, state, m -> acquires(m, state))) {
      return true;
    }
    if (method.getParameters().isEmpty()) {
      return false;
    }
    if (!method.isConstructor()) {
      return isALibrarysOpenerOfAFile(method, state);
    }
    Type firstParameter = method.getParameters().get(0).type;
    String owner = method.owner.getQualifiedName().toString();
    if (!FILE_OPENING_WHEN_GIVEN_A_PATH.contains(owner)) {
      return isALibrarysStreamOverAFile(method, firstParameter, state);
    }
    // new Scanner(String) reads the string itself; the others open the file it names.
    boolean fileName =
        !owner.equals("java.util.Scanner")
            && state.getTypes().isSameType(firstParameter, state.getSymtab().stringType);
    return fileName || isAPath(firstParameter, state);
  }

  /**
   * Whether {@code constructor} makes a stream, reader or writer of a library (a class javac does
   * not compile with the checked file) out of the {@code File} or {@code Path} it is given first:
   * milton's {@code RandomFileOutputStream(File)}, JavaMail's {@code SharedFileInputStream(File)},
   * Commons Compress's {@code ZipArchiveOutputStream(File)}. A stream made of a file reads or
   * writes that file, through a descriptor it holds until closed. A class compiled with the checked
   * file is judged by what its constructor opens instead ({@link ProjectResourceClasses}), and a
   * stream made of another stream is that stream's decorator.
   */
  private static boolean isALibrarysStreamOverAFile(
      MethodSymbol constructor, Type firstParameter, VisitorState state) {
    return NamedTypes.isSubtypeOfAny(constructor.owner.type, NamedTypes.IO_STREAMS, state)
        && isAPath(firstParameter, state)
        && !CompiledWithUs.isCompiledWithUs(constructor.owner, state);
  }

  /**
   * Whether {@code method} is a library's static factory (named like one, in a class javac does not
   * compile with the checked file) that opens the {@code File} or {@code Path} it is given first
   * and returns a stream, reader or writer over it: Commons IO's {@code
   * FileUtils.openInputStream(file)} and {@code openOutputStream(file)}, Guava's {@code
   * Files.newReader(file, charset)} and {@code newWriter}, {@code
   * AudioSystem.getAudioInputStream(file)}. The library static counterpart of {@link
   * #isALibrarysStreamOverAFile}; a project's own factory is judged by its body instead ({@link
   * ProjectFactories}).
   */
  private static boolean isALibrarysOpenerOfAFile(MethodSymbol method, VisitorState state) {
    return method.isStatic()
        && namedLikeFactory(method.getSimpleName().toString())
        && isAPath(method.getParameters().get(0).type, state)
        && NamedTypes.isSubtypeOfAny(method.getReturnType(), NamedTypes.IO_STREAMS, state)
        && !CompiledWithUs.isCompiledWithUs(method.owner, state);
  }

  private static boolean isAPath(Type type, VisitorState state) {
    return PATH_TYPES.stream()
        .map(name -> NamedTypes.get(name, state))
        .anyMatch(path -> path != null && state.getTypes().isSameType(type, path));
  }

  /**
   * Whether {@code method} is a document loader that keeps only a file it is given open ({@link
   * #LOADS_THAT_KEEP_THE_FILE_OPEN}) and is given something else, which it reads into memory.
   */
  private static boolean loadsIntoMemory(MethodSymbol method, VisitorState state) {
    if (!MethodRef.anyMatches(LOADS_THAT_KEEP_THE_FILE_OPEN, method, state)) {
      return false;
    }
    Type file = NamedTypes.get("java.io.File", state);
    return method.getParameters().isEmpty()
        || file == null
        || !state.getTypes().isSameType(method.getParameters().get(0).type, file);
  }

  /**
   * A constructor of a class loader that is given no place to load from: a subclass's that takes no
   * URL, array, file, path, string or collection, only a parent or options (Groovy's {@code new
   * GroovyClassLoader(parent)}, which compiles scripts from strings). It starts with no URLs, so it
   * opens no jar.
   */
  private static boolean makesALoaderOfNoUrls(MethodSymbol constructor, VisitorState state) {
    Type loader = NamedTypes.get("java.net.URLClassLoader", state);
    if (loader == null
        || constructor.owner == loader.tsym
        || !ASTHelpers.isSubtype(constructor.owner.type, loader, state)) {
      return false;
    }
    for (VarSymbol parameter : constructor.getParameters()) {
      Type type = parameter.type;
      if (type.getKind() == TypeKind.ARRAY
          || ASTHelpers.isSameType(type, state.getSymtab().stringType, state)
          || NamedTypes.isSubtypeOfAny(type, PLACES_TO_LOAD_FROM, state)) {
        return false;
      }
    }
    return true;
  }

  @Override
  public ImmutableSet<Integer> argumentsThatCanReleaseIt(
      MethodInvocationTree call, VisitorState state) {
    MethodSymbol method = getSymbol(call);
    if (method == null
        || !method.getSimpleName().contentEquals("execute")
        || !MethodRef.anyMatches(APACHE_4_EXECUTE, method, state)) {
      return ImmutableSet.of();
    }
    ImmutableSet.Builder<Integer> requests = ImmutableSet.builder();
    for (int i = 0; i < call.getArguments().size(); i++) {
      Type type = ASTHelpers.getType(call.getArguments().get(i));
      if (type != null && NamedTypes.isSubtypeOfAny(type, RELEASABLE_REQUESTS, state)) {
        requests.add(i);
      }
    }
    return requests.build();
  }

  @Override
  public boolean isRelease(MethodSymbol method, VisitorState state) {
    if (method.getParameters().isEmpty()) {
      return method.getSimpleName().contentEquals("close")
          || MethodRef.anyMatches(READS_THAT_CLOSE, method, state)
          || MethodRef.anyMatches(REQUEST_RELEASES, method, state)
          || ZlibCodecs.isEnd(method, state)
          // Asked of every call with no arguments (summaries ask it of every call they read): the
          // class's close() and the method are read once per method.
          || endsAsCloseDoes.computeIfAbsent(
              method, m -> ProjectResourceClasses.closesWhatCloseCloses(m, state));
    }
    // A channel registered with a selector is the selector loop's, which closes it through its key
    // (key.channel().close()) when the peer goes or the server stops.
    return (method.getSimpleName().contentEquals("register")
            && MethodRef.anyMatches(SELECTOR_REGISTRATIONS, method, state))
        || (method.getSimpleName().contentEquals("writeTo")
            && MethodRef.anyMatches(ENTITY_WRITES, method, state));
  }

  @Override
  @Nullable
  public Boolean answerOnceReleased(MethodSymbol method, VisitorState state) {
    if (!method.getParameters().isEmpty()) {
      return null;
    }
    if (method.getSimpleName().contentEquals("isClosed")) {
      return Boolean.TRUE;
    }
    return method.getSimpleName().contentEquals("isOpen") ? Boolean.FALSE : null;
  }

  /**
   * A socket's questions whose answer is false until it is connected: {@code isBound()} too, since
   * connecting binds it (and closing unbinds nothing).
   */
  private static final ImmutableList<MethodRef> CONNECTED_QUERIES =
      ImmutableList.of(
          new MethodRef("java.net.Socket", "isConnected"),
          new MethodRef("java.net.Socket", "isBound"),
          new MethodRef("java.nio.channels.SocketChannel", "isConnected"));

  private static final ImmutableList<MethodRef> HALF_SHUT_QUERIES =
      ImmutableList.of(
          new MethodRef("java.net.Socket", "isInputShutdown"),
          new MethodRef("java.net.Socket", "isOutputShutdown"));

  @Override
  public boolean asksWhetherHalfShut(MethodSymbol method, VisitorState state) {
    // Asked of every call in a condition: the names first, with no String made of them.
    return (method.getSimpleName().contentEquals("isInputShutdown")
            || method.getSimpleName().contentEquals("isOutputShutdown"))
        && MethodRef.anyMatches(HALF_SHUT_QUERIES, method, state);
  }

  private static final MethodRef BLOCKING_CONNECT = new MethodRef("java.net.Socket", "connect");

  @Override
  public boolean connectsOrFails(MethodSymbol method, VisitorState state) {
    return method.getSimpleName().contentEquals("connect")
        && BLOCKING_CONNECT.matches(method, state);
  }

  private static final ImmutableList<MethodRef> CONNECTING_OPENS =
      ImmutableList.of(new MethodRef("java.nio.channels.SocketChannel", "open"));

  @Override
  public boolean asksWhetherConnected(MethodSymbol method, VisitorState state) {
    return method.getParameters().isEmpty()
        && (method.getSimpleName().contentEquals("isConnected")
            || method.getSimpleName().contentEquals("isBound"))
        && MethodRef.anyMatches(CONNECTED_QUERIES, method, state);
  }

  /**
   * A socket made connected: {@code SocketChannel.open(remote)}, which connects before it returns,
   * a {@code java.net.Socket} made with a host and a port (every such constructor connects), or one
   * a server socket accepted ({@link #ACCEPTS}). Not {@code SocketChannel.open()} nor {@code new
   * Socket()}, unconnected until told to.
   */
  @Override
  public boolean isConnectedWhenMade(Tree site, VisitorState state) {
    if (site instanceof NewClassTree made) {
      Type socket = NamedTypes.get("java.net.Socket", state);
      Type type = ASTHelpers.getType(made);
      return made.getArguments().size() >= 2
          && made.getClassBody() == null
          && socket != null
          && type != null
          && ASTHelpers.isSameType(type, socket, state);
    }
    if (!(site instanceof MethodInvocationTree call)) {
      return false;
    }
    MethodSymbol open = getSymbol(call);
    if (open == null) {
      return false;
    }
    return call.getArguments().isEmpty()
        ? MethodRef.anyMatches(ACCEPTS, open, state)
        : call.getArguments().size() == 1 && MethodRef.anyMatches(CONNECTING_OPENS, open, state);
  }

  /**
   * What a server socket accepts is connected to its peer (a non-blocking channel's accept may
   * return null, which holds nothing): jlibmodbus's TCP server waits {@code while
   * (client.isConnected() && isListening())} on the socket it accepted, a test only its close turns
   * false.
   */
  private static final ImmutableList<MethodRef> ACCEPTS =
      ImmutableList.of(
          new MethodRef("java.net.ServerSocket", "accept"),
          new MethodRef("java.nio.channels.ServerSocketChannel", "accept"));

  @Override
  public boolean releasesChildren(MethodSymbol method) {
    return false;
  }

  /** What an HTTP connection answers from the response it read to open its stream. */
  private static final ImmutableList<MethodRef> ANSWERS_FROM_THE_RESPONSE =
      ImmutableList.of(
          new MethodRef("java.net.HttpURLConnection", "getResponseCode"),
          new MethodRef("java.net.HttpURLConnection", "getResponseMessage"));

  @Override
  public boolean answersFromWhatItMade(MethodSymbol method, VisitorState state) {
    return MethodRef.anyMatches(ANSWERS_FROM_THE_RESPONSE, method, state);
  }

  /** What an HTTP connection's {@code disconnect()} closes with its socket. */
  private static final ImmutableList<MethodRef> RELEASES_WHAT_IT_MADE =
      ImmutableList.of(new MethodRef("java.net.HttpURLConnection", "disconnect"));

  /**
   * The HTTP clients whose {@code close()} shuts down their connection manager, and with it the
   * connection under every response they made: the Redshift driver's SAML plugins build a client
   * per call and close it in a {@code finally}, and their responses were said lost at a {@code
   * throw} inside that {@code try}. {@code close()} is declared by {@code Closeable}, so the
   * receiver's type says which client it is. A client built over a shared connection manager does
   * not shut it down; that builder option is not read.
   */
  private static final ImmutableList<String> CLIENTS_RELEASING_THEIR_RESPONSES =
      ImmutableList.of(
          "org.apache.http.impl.client.CloseableHttpClient",
          "org.apache.hc.client5.http.impl.classic.CloseableHttpClient");

  @Override
  public boolean releasesWhatItMade(
      MethodSymbol method, ExpressionTree receiver, VisitorState state) {
    if (MethodRef.anyMatches(RELEASES_WHAT_IT_MADE, method, state)) {
      return true;
    }
    return receiver != null
        && method.getSimpleName().contentEquals("close")
        && method.getParameters().isEmpty()
        && closingByTypeReleasesWhatItMade(receiver, state);
  }

  @Override
  public boolean closingByTypeReleasesWhatItMade(ExpressionTree closed, VisitorState state) {
    Type client = ASTHelpers.getType(closed);
    return client != null
        && NamedTypes.isSubtypeOfAny(client, CLIENTS_RELEASING_THEIR_RESPONSES, state);
  }

  @Override
  public boolean releasesItselfAtTheEnd(Tree site, VisitorState state) {
    if (!(site instanceof MethodInvocationTree call)
        || !call.getArguments().isEmpty()
        || ASTHelpers.getReceiver(call) == null) {
      return false;
    }
    MethodSymbol method = getSymbol(call);
    Type connection = ASTHelpers.getType(ASTHelpers.getReceiver(call));
    return method != null
        && method.getSimpleName().contentEquals("getInputStream")
        && connection != null
        && NamedTypes.isSubtypeOfAny(connection, JDK_HTTP_CONNECTIONS, state);
  }

  /**
   * The JDK's HTTP connection: its response body's stream gives the socket back to the keep-alive
   * cache, or closes it, at the end of the body (the stream's own bookkeeping, for a body of known
   * length and for a chunked one alike), so a body read to its end holds nothing.
   */
  private static final ImmutableList<String> JDK_HTTP_CONNECTIONS =
      ImmutableList.of("java.net.HttpURLConnection");

  @Override
  @Nullable
  public ExpressionTree drainedOperand(MethodInvocationTree call, VisitorState state) {
    MethodSymbol method = getSymbol(call);
    if (method == null) {
      return null;
    }
    if (MethodRef.anyMatches(READ_THEIR_RECEIVER_TO_THE_END, method, state)) {
      return ASTHelpers.getReceiver(call);
    }
    if (call.getArguments().isEmpty()
        || !MethodRef.anyMatches(READ_THEIR_STREAM_TO_THE_END, method, state)
        || !NamedTypes.isSubtypeOfAny(method.getParameters().get(0).type, INPUT_STREAM, state)) {
      return null;
    }
    // toByteArray(in, size) reads size bytes, copyLarge(in, out, offset, length) a part: only the
    // forms that take neither read to the end.
    boolean sized =
        method.getParameters().stream()
            .anyMatch(
                parameter ->
                    parameter.type.getKind() == TypeKind.LONG
                        || (parameter.type.getKind() == TypeKind.INT
                            && method.getSimpleName().contentEquals("toByteArray")));
    return sized ? null : call.getArguments().get(0);
  }

  private static final ImmutableList<String> INPUT_STREAM = ImmutableList.of("java.io.InputStream");

  /** Reads of their receiver to its end: {@code in.readAllBytes()}, {@code in.transferTo(out)}. */
  private static final ImmutableList<MethodRef> READ_THEIR_RECEIVER_TO_THE_END =
      ImmutableList.of(
          new MethodRef("java.io.InputStream", "readAllBytes"),
          new MethodRef("java.io.InputStream", "transferTo"));

  /**
   * Reads of the stream they are given first to its end, into memory or another stream (each
   * returns at the end of the stream): Commons IO's and Guava's.
   */
  private static final ImmutableList<MethodRef> READ_THEIR_STREAM_TO_THE_END =
      ImmutableList.of(
          new MethodRef("org.apache.commons.io.IOUtils", "toByteArray"),
          new MethodRef("org.apache.commons.io.IOUtils", "toString"),
          new MethodRef("org.apache.commons.io.IOUtils", "copy"),
          new MethodRef("org.apache.commons.io.IOUtils", "copyLarge"),
          new MethodRef("org.apache.commons.io.IOUtils", "readLines"),
          new MethodRef("org.apache.commons.io.IOUtils", "consume"),
          new MethodRef("com.google.common.io.ByteStreams", "toByteArray"),
          new MethodRef("com.google.common.io.ByteStreams", "copy"),
          new MethodRef("com.google.common.io.ByteStreams", "exhaust"));

  @Override
  public boolean releasesReceiverOnFailure(
      MethodSymbol method,
      List<? extends ExpressionTree> arguments,
      Set<Tree> receiverSites,
      VisitorState state) {
    return MethodRef.anyMatches(CLOSE_ON_FAILURE, method, state)
        && !(MethodRef.anyMatches(CONNECT_CHECKS_THE_NAME_FIRST, method, state)
            && !arguments.isEmpty()
            && isMadeOfAHostName(arguments.get(0), state)
            && receiverSites.stream().noneMatch(site -> isThroughAProxy(site, state))
            && !runsOnJdk25OrLater(state));
  }

  /**
   * Whether the code compiled runs only on JDK 25 or later, whose {@code Socket.connect} closes the
   * socket on every failure, a name that does not resolve among them: compiled for release 25 or
   * later ({@code --release 25}). Code compiled for an earlier release may run on JDK 17.
   */
  private static boolean runsOnJdk25OrLater(VisitorState state) {
    String release = Source.instance(state.context).name;
    int feature =
        Integer.parseInt(release.startsWith("1.") ? release.substring("1.".length()) : release);
    return feature >= 25;
  }

  /**
   * Whether {@code site} makes a socket that connects through a proxy ({@code new Socket(proxy)}):
   * a SOCKS proxy is handed the host name to resolve, so the name is not checked first; a socket
   * made so may close as any other when connecting fails.
   */
  private static boolean isThroughAProxy(Tree site, VisitorState state) {
    Type proxy = NamedTypes.get("java.net.Proxy", state);
    return proxy != null
        && site instanceof NewClassTree newClass
        && getSymbol(newClass) != null
        && getSymbol(newClass).getParameters().stream()
            .anyMatch(parameter -> ASTHelpers.isSameType(parameter.type, proxy, state));
  }

  /**
   * Whether {@code address} is an {@code InetSocketAddress} made of a host name, which may not
   * resolve: {@code new InetSocketAddress(host, port)} given a string, or {@code
   * InetSocketAddress.createUnresolved(host, port)}. Not one made of an {@code InetAddress}, nor an
   * address this method did not make, whose maker resolved it or not.
   */
  private static boolean isMadeOfAHostName(ExpressionTree address, VisitorState state) {
    ExpressionTree made = ASTHelpers.stripParentheses(address);
    MethodSymbol maker =
        made instanceof NewClassTree || made instanceof MethodInvocationTree
            ? (MethodSymbol) getSymbol(made)
            : null;
    return maker != null
        && maker.owner.getQualifiedName().contentEquals("java.net.InetSocketAddress")
        && !maker.getParameters().isEmpty()
        && ASTHelpers.isSameType(
            maker.getParameters().get(0).type, state.getSymtab().stringType, state);
  }

  @Override
  public boolean failsOnlyWhenClosedOrBroken(MethodSymbol method, VisitorState state) {
    return optionFailsOnlyWhenClosed(method, state)
        || MethodRef.anyMatches(FAIL_ONLY_ON_A_DEVICE_ERROR, method, state);
  }

  @Override
  public boolean optionFailsOnlyWhenClosed(MethodSymbol method, VisitorState state) {
    return MethodRef.anyMatches(FAIL_ONLY_WHEN_CLOSED, method, state);
  }

  /**
   * A {@code FileOutputStream} writes straight to its file, with no buffer: its {@code flush()} is
   * {@code OutputStream}'s, which does nothing (FastODS's {@code finally { out.flush();
   * out.close(); }}). Only where the stream is one made here of that very class and the call is
   * made on it as such: a decorator over it ({@code OutputStream os = new
   * BufferedOutputStream(fos)}) flushes its buffer into the file, and a subclass may have a buffer
   * of its own.
   */
  @Override
  public boolean doesNothing(
      MethodSymbol method, Type receiverType, Tree site, VisitorState state) {
    return method.getSimpleName().contentEquals("flush")
        && method.owner.getQualifiedName().contentEquals("java.io.OutputStream")
        && receiverType != null
        && receiverType.tsym.getQualifiedName().contentEquals("java.io.FileOutputStream")
        && site instanceof NewClassTree newClass
        && newClass.getClassBody() == null
        && getSymbol(newClass) != null
        && getSymbol(newClass).owner.getQualifiedName().contentEquals("java.io.FileOutputStream");
  }

  @Override
  public boolean readFailsOnlyOnADeviceError(MethodSymbol method, Tree site, VisitorState state) {
    Set<String> reads = PLAIN_READS.get(method.owner.getQualifiedName().toString());
    if (reads == null || !reads.contains(method.getSimpleName().toString())) {
      return false;
    }
    MethodSymbol opened = site instanceof NewClassTree newClass ? getSymbol(newClass) : null;
    return opened != null && MethodRef.anyMatches(LOCAL_FILE_OPENS, opened, state);
  }

  /**
   * ImageIO's reader and writer use the stream they are set to and leave it to the caller, who made
   * it: "the caller is responsible for closing" it (ImageReader.dispose() and reset() release the
   * reader's own state, never its input). image4j sets a new cached stream on a PNG reader per icon
   * and drops both, leaving a temporary file each (a miss of the hundred-and-tenth holdout round).
   */
  private static final ImmutableList<MethodRef> LENDING_SETTERS =
      ImmutableList.of(
          new MethodRef("javax.imageio.ImageReader", "setInput"),
          new MethodRef("javax.imageio.ImageWriter", "setOutput"));

  @Override
  public boolean lendsWhatItIsGiven(MethodSymbol method, VisitorState state) {
    return MethodRef.anyMatches(LENDING_SETTERS, method, state);
  }

  @Override
  public boolean isView(MethodSymbol method, VisitorState state) {
    return MethodRef.anyMatches(VIEWS, method, state);
  }

  /**
   * What the JDK documents never to return null: the {@code Files} openers and streams, the
   * channels' and selectors' {@code open()} (and their provider's openers), {@code
   * URL.openStream()} and a blocking {@code ServerSocket.accept()}. Not a channel's {@code
   * accept()}, null when non-blocking.
   */
  private static final ImmutableList<MethodRef> NEVER_NULL =
      ImmutableList.of(
          new MethodRef("java.nio.file.Files", "new*"),
          new MethodRef("java.nio.file.Files", "lines"),
          new MethodRef("java.nio.file.Files", "list"),
          new MethodRef("java.nio.file.Files", "walk"),
          new MethodRef("java.nio.file.Files", "find"),
          new MethodRef("java.nio.channels.FileChannel", "open"),
          new MethodRef("java.nio.channels.SocketChannel", "open"),
          new MethodRef("java.nio.channels.ServerSocketChannel", "open"),
          new MethodRef("java.nio.channels.DatagramChannel", "open"),
          new MethodRef("java.nio.channels.Selector", "open"),
          new MethodRef("java.nio.channels.spi.SelectorProvider", "open*"),
          new MethodRef("java.net.URL", "openStream"),
          new MethodRef("java.net.ServerSocket", "accept"));

  @Override
  public boolean neverReturnsNull(MethodSymbol method, VisitorState state) {
    return MethodRef.anyMatches(NEVER_NULL, method, state);
  }

  /**
   * A class loader's URL class path opens each jar when a lookup first reaches it; a socket made
   * with no address makes its descriptor when it is first bound, connected or configured.
   */
  @Override
  public boolean opensOnFirstUse(Tree site, VisitorState state) {
    return isClassLoader(site, state) || isUnconnectedSocket(site, state);
  }

  /**
   * What a TLS socket tells of its context without a descriptor of its own: the protocols and
   * cipher suites it supports or enables, its parameters.
   */
  private static final ImmutableList<MethodRef> ANSWERS_WITHOUT_OPENING =
      ImmutableList.of(
          new MethodRef("javax.net.ssl.SSLSocket", "getSupported*"),
          new MethodRef("javax.net.ssl.SSLSocket", "getEnabled*"),
          new MethodRef("javax.net.ssl.SSLSocket", "getSSLParameters"),
          new MethodRef("javax.net.ssl.SSLServerSocket", "getSupported*"),
          new MethodRef("javax.net.ssl.SSLServerSocket", "getEnabled*"),
          new MethodRef("javax.net.ssl.SSLServerSocket", "getSSLParameters"));

  @Override
  public boolean answersWithoutOpening(MethodSymbol method, VisitorState state) {
    return MethodRef.anyMatches(ANSWERS_WITHOUT_OPENING, method, state);
  }

  /**
   * {@code new Socket()}, {@code new ServerSocket()} or a factory's {@code createSocket()} and
   * {@code createServerSocket()} with no arguments: unbound and unconnected.
   */
  private static boolean isUnconnectedSocket(Tree site, VisitorState state) {
    if (site instanceof NewClassTree made) {
      return made.getArguments().isEmpty() && isSocketType(ASTHelpers.getType(made), state);
    }
    if (!(site instanceof MethodInvocationTree call) || !call.getArguments().isEmpty()) {
      return false;
    }
    MethodSymbol method = getSymbol(call);
    return method != null
        && (method.getSimpleName().contentEquals("createSocket")
            || method.getSimpleName().contentEquals("createServerSocket"))
        && isSocketType(method.getReturnType(), state);
  }

  private static final ImmutableList<String> SOCKET_TYPES =
      ImmutableList.of("java.net.Socket", "java.net.ServerSocket");

  private static boolean isSocketType(Type type, VisitorState state) {
    return type != null && NamedTypes.isSubtypeOfAny(type, SOCKET_TYPES, state);
  }

  /** A class loader's classes load more classes from it as they run. */
  @Override
  public boolean isKeptByWhatItMakes(Tree site, VisitorState state) {
    return isClassLoader(site, state);
  }

  @Override
  public boolean hasResourcesKeptByWhatTheyMake() {
    return true;
  }

  private static boolean isClassLoader(Tree site, VisitorState state) {
    Type loader = NamedTypes.get("java.net.URLClassLoader", state);
    Type type = ASTHelpers.getType(site);
    return loader != null && type != null && ASTHelpers.isSubtype(type, loader, state);
  }

  @Override
  public ImmutableSet<Integer> lentArguments(NewClassTree newClass, VisitorState state) {
    MethodSymbol constructor = getSymbol(newClass);
    if (constructor == null) {
      return ImmutableSet.of();
    }
    String lentType;
    if (MethodRef.anyMatches(READERS_THAT_LEAVE_IT_OPEN, constructor, state)) {
      lentType = "java.io.InputStream";
    } else if (MethodRef.anyMatches(SEARCHERS_OVER_A_READER, constructor, state)) {
      lentType = "org.apache.lucene.index.IndexReader";
    } else {
      return ImmutableSet.of();
    }
    Type lentAs = NamedTypes.get(lentType, state);
    if (lentAs == null) {
      return ImmutableSet.of();
    }
    ImmutableSet.Builder<Integer> lent = ImmutableSet.builder();
    for (int i = 0; i < constructor.getParameters().size(); i++) {
      if (ASTHelpers.isSubtype(constructor.getParameters().get(i).type, lentAs, state)) {
        lent.add(i);
      }
    }
    return lent.build();
  }

  @Override
  public ImmutableSet<Integer> usedArguments(NewClassTree newClass, VisitorState state) {
    MethodSymbol constructor = getSymbol(newClass);
    return constructor == null
        ? ImmutableSet.of()
        : ZlibCodecs.usedParameters(constructor, state).stream()
            .filter(i -> i < newClass.getArguments().size())
            .collect(ImmutableSet.toImmutableSet());
  }

  /**
   * A constructor of a closeable type that takes a closeable ({@code new BufferedReader(reader)},
   * {@code new GZIPInputStream(in)}, {@code new ZipInputStream(in)}, a project's own): closing the
   * new object closes what it was given, so it holds the same resource.
   */
  @Override
  public ImmutableSet<Integer> decoratedArguments(NewClassTree newClass, VisitorState state) {
    MethodSymbol constructor = getSymbol(newClass);
    if (constructor == null) {
      return ImmutableSet.of();
    }
    // Asked of every constructor call in every analysed body: answered once per constructor.
    ImmutableSet<Integer> decorated =
        decoratedByConstructor.computeIfAbsent(constructor, c -> decoratedParameters(c, state));
    return decorated.stream()
        .filter(i -> i < newClass.getArguments().size())
        .collect(ImmutableSet.toImmutableSet());
  }

  private static ImmutableSet<Integer> decoratedParameters(
      MethodSymbol constructor, VisitorState state) {
    if (!isCloseable(constructor.owner.type, state)
        && !constructor.owner.getQualifiedName().contentEquals(INPUT_SOURCE)) {
      return ImmutableSet.of();
    }
    List<VarSymbol> parameters = constructor.getParameters();
    // A codec given to a stream is not ended with it (ZlibCodecs), though JDK 25 makes it
    // AutoCloseable.
    return IntStream.range(0, parameters.size())
        .filter(
            i ->
                isCloseable(parameters.get(i).type, state)
                    && !ZlibCodecs.isCodec(parameters.get(i).type, state))
        .boxed()
        .collect(ImmutableSet.toImmutableSet());
  }

  /**
   * Whether {@code method} parses what its first argument holds and closes it when done: an XML
   * parser, Jackson's read of a stream or a reader (not of a {@code JsonParser} the caller made),
   * or HttpClient's basic response handler.
   */
  private static boolean readsAndCloses(MethodSymbol method, VisitorState state) {
    return MethodRef.anyMatches(XML_PARSES, method, state)
        || MethodRef.anyMatches(RESPONSE_HANDLERS_THAT_READ_IT_WHOLE, method, state)
        || (!method.getParameters().isEmpty()
            && NamedTypes.isSubtypeOfAny(method.getParameters().get(0).type, READ_SOURCES, state)
            && MethodRef.anyMatches(JSON_READS, method, state));
  }

  private static boolean isCloseable(Type type, VisitorState state) {
    return NamedTypes.isSubtypeOfAny(type, CLOSEABLE_TYPES, state);
  }

  /**
   * An HTTP connection has one response body: {@code HttpURLConnection.getInputStream()} opens it
   * on the first call and returns the same stream on every later one (jgroups' Rackspace discovery
   * keeps the first and reads the second, which its {@code finally} closes with the first). Not any
   * other connection's: a {@code jar:} connection opens a new entry stream on each call.
   */
  @Override
  public boolean givesBackWhatItGaveBefore(MethodInvocationTree call, VisitorState state) {
    ExpressionTree receiver = ASTHelpers.getReceiver(call);
    return receiver != null
        && URL_CONNECTION_STREAM.matches(getSymbol(call), state)
        && NamedTypes.isSubtypeOfAny(ASTHelpers.getType(receiver), HTTP_URL_CONNECTIONS, state);
  }

  @Override
  public ImmutableSet<Integer> releasedArguments(MethodInvocationTree call, VisitorState state) {
    MethodSymbol method = getSymbol(call);
    if (method != null
        && !call.getArguments().isEmpty()
        && readsAndCloses.computeIfAbsent(method, m -> readsAndCloses(m, state))) {
      return ImmutableSet.of(0); // builder.parse(in): the parser closes in when it is done
    }
    return closers.releasedArguments(call, state);
  }
}
