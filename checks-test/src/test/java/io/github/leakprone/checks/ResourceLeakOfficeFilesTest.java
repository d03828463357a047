package io.github.leakprone.checks;

import com.google.errorprone.CompilationTestHelper;
import org.junit.jupiter.api.Test;

/**
 * Apache POI keeps the Office file it is given open until what it made of it is closed: the OLE2
 * file system ({@code new POIFSFileSystem(File)}), an XSSF workbook ({@code new XSSFWorkbook(File)}
 * or its file name), {@code WorkbookFactory.create(File)} and {@code OPCPackage.open(File)}. Given
 * a stream, POI reads it into memory; made empty, it holds nothing.
 */
final class ResourceLeakOfficeFilesTest {

  private final CompilationTestHelper helper =
      CompilationTestHelper.newInstance(ResourceLeak.class, getClass())
          .addSourceLines(
              "org/apache/poi/poifs/filesystem/POIFSFileSystem.java",
              """
              package org.apache.poi.poifs.filesystem;

              public class POIFSFileSystem implements java.io.Closeable {
                private java.nio.channels.FileChannel channel;

                public POIFSFileSystem() {}

                public POIFSFileSystem(java.io.File file) throws java.io.IOException {}

                public POIFSFileSystem(java.io.File file, boolean readOnly)
                    throws java.io.IOException {
                  if (!readOnly && !file.canWrite()) {
                    throw new java.io.FileNotFoundException(file.getPath());
                  }
                }

                public POIFSFileSystem(java.io.InputStream in) throws java.io.IOException {}

                public int size() {
                  return 0;
                }

                @Override
                public void close() throws java.io.IOException {
                  channel.close();
                }
              }
              """)
          .addSourceLines(
              "org/apache/poi/ss/usermodel/Workbook.java",
              """
              package org.apache.poi.ss.usermodel;

              public interface Workbook extends java.io.Closeable {
                int getNumberOfSheets();
              }
              """)
          .addSourceLines(
              "org/apache/poi/ss/usermodel/WorkbookFactory.java",
              """
              package org.apache.poi.ss.usermodel;

              public final class WorkbookFactory {
                public static Workbook create(java.io.File file) throws java.io.IOException {
                  return null;
                }

                public static Workbook create(java.io.InputStream in) throws java.io.IOException {
                  return null;
                }
              }
              """)
          .addSourceLines(
              "org/apache/poi/openxml4j/opc/OPCPackage.java",
              """
              package org.apache.poi.openxml4j.opc;

              public abstract class OPCPackage implements java.io.Closeable {
                public static OPCPackage open(java.io.File file) throws java.io.IOException {
                  return null;
                }

                public static OPCPackage open(java.io.InputStream in) throws java.io.IOException {
                  return null;
                }

                public abstract int partCount();
              }
              """)
          .addSourceLines(
              "org/apache/poi/xssf/usermodel/XSSFWorkbook.java",
              """
              package org.apache.poi.xssf.usermodel;

              public class XSSFWorkbook implements org.apache.poi.ss.usermodel.Workbook {
                private org.apache.poi.openxml4j.opc.OPCPackage pkg;

                public XSSFWorkbook() {}

                public XSSFWorkbook(java.io.File file) throws java.io.IOException {}

                public XSSFWorkbook(String path) throws java.io.IOException {}

                public XSSFWorkbook(java.io.InputStream in) throws java.io.IOException {}

                @Override
                public int getNumberOfSheets() {
                  return 0;
                }

                @Override
                public void close() throws java.io.IOException {
                  pkg.close();
                }
              }
              """);

  @Test
  void whatPoiOpensOnAFileIsOpenUntilClosed() {
    helper
        .addSourceLines(
            "Sheets.java",
            """
            import java.io.File;
            import java.io.IOException;
            import org.apache.poi.openxml4j.opc.OPCPackage;
            import org.apache.poi.poifs.filesystem.POIFSFileSystem;
            import org.apache.poi.ss.usermodel.Workbook;
            import org.apache.poi.ss.usermodel.WorkbookFactory;
            import org.apache.poi.xssf.usermodel.XSSFWorkbook;

            class Sheets {
              int entries(File file) throws IOException {
                // BUG: Diagnostic contains: POIFSFileSystem `fs` acquired at line 12 is never closed
                POIFSFileSystem fs = new POIFSFileSystem(file);
                return fs.size();
              }

              int sheets(File file) throws IOException {
                // BUG: Diagnostic contains: Workbook `book` acquired at line 18 is never closed
                Workbook book = WorkbookFactory.create(file);
                return book.getNumberOfSheets();
              }

              int sheetsByName(String path) throws IOException {
                // BUG: Diagnostic contains: XSSFWorkbook `book` acquired at line 24 is never closed
                XSSFWorkbook book = new XSSFWorkbook(path);
                return book.getNumberOfSheets();
              }

              int parts(File file) throws IOException {
                // BUG: Diagnostic contains: OPCPackage `pkg` acquired at line 30 is never closed
                OPCPackage pkg = OPCPackage.open(file);
                return pkg.partCount();
              }

              int sheetsClosed(File file) throws IOException {
                try (Workbook book = WorkbookFactory.create(file)) {
                  return book.getNumberOfSheets();
                }
              }
            }
            """)
        .doTest();
  }

  @Test
  void whatPoiReadsFromAStreamOrMakesEmptyHoldsNothing() {
    helper
        .addSourceLines(
            "InMemory.java",
            """
            import java.io.IOException;
            import java.io.InputStream;
            import org.apache.poi.openxml4j.opc.OPCPackage;
            import org.apache.poi.poifs.filesystem.POIFSFileSystem;
            import org.apache.poi.ss.usermodel.WorkbookFactory;
            import org.apache.poi.xssf.usermodel.XSSFWorkbook;

            class InMemory {
              int entries(InputStream in) throws IOException {
                return new POIFSFileSystem(in).size() + new POIFSFileSystem().size();
              }

              int sheets(InputStream in) throws IOException {
                return WorkbookFactory.create(in).getNumberOfSheets()
                    + new XSSFWorkbook(in).getNumberOfSheets()
                    + new XSSFWorkbook().getNumberOfSheets();
              }

              int parts(InputStream in) throws IOException {
                return OPCPackage.open(in).partCount();
              }
            }
            """)
        .doTest();
  }

  /**
   * jsign's {@code MSIFile(File)} opens the installer twice into its fields, read-only and then for
   * writing: a file it may not write fails the second open, and the first is lost with the object
   * that was never made.
   */
  @Test
  void aConstructorThatFailsAfterItOpenedTheFileLosesIt() {
    helper
        .addSourceLines(
            "Installer.java",
            """
            import java.io.Closeable;
            import java.io.File;
            import java.io.IOException;
            import org.apache.poi.poifs.filesystem.POIFSFileSystem;

            class Installer implements Closeable {
              private final POIFSFileSystem fsRead;
              private final POIFSFileSystem fsWrite;

              Installer(File file) throws IOException {
                // BUG: Diagnostic contains: POIFSFileSystem `fsRead` acquired at line 12 is not closed when `new POIFSFileSystem(...)` at line 13 throws
                fsRead = new POIFSFileSystem(file, true);
                fsWrite = new POIFSFileSystem(file, false);
              }

              @Override
              public void close() throws IOException {
                fsRead.close();
                fsWrite.close();
              }
            }
            """)
        .doTest();
  }
}
