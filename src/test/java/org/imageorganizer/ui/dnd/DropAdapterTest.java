package org.imageorganizer.ui.dnd;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a drop turns into: the files a file manager offers, else file URIs or absolute paths in the URL or text. */
class DropAdapterTest {

    @Test
    void filesWinOverUrlAndText() {
        List<Path> paths = DropAdapter.paths(List.of(new File("/photos/a.jpg"), new File("/photos/b")),
                "file:///elsewhere/c.jpg", "/elsewhere/d.jpg");

        assertThat(paths).containsExactly(Path.of("/photos/a.jpg"), Path.of("/photos/b"));
    }

    @Test
    void relativeFilesBecomeAbsolute() {
        List<Path> paths = DropAdapter.paths(List.of(new File("photos/a.jpg")), null, null);

        assertThat(paths).containsExactly(Path.of("photos/a.jpg").toAbsolutePath());
    }

    @Test
    void uriListWithCommentsAndCrLf() {
        String uriList = "# dragged from a file manager\r\nfile:///home/ann/Pictures/one.jpg\r\n\r\n"
                + "  file:///home/ann/Pictures/Trips  \r\n# another comment\r\nfile:///home/ann/two.png\r\n";

        assertThat(DropAdapter.paths(List.of(), uriList, null)).containsExactly(
                Path.of("/home/ann/Pictures/one.jpg"), Path.of("/home/ann/Pictures/Trips"), Path.of("/home/ann/two.png"));
    }

    @Test
    void uriListAsPlainText() {
        assertThat(DropAdapter.paths(List.of(), null, "file:///home/ann/one.jpg\nfile:///home/ann/two.jpg"))
                .containsExactly(Path.of("/home/ann/one.jpg"), Path.of("/home/ann/two.jpg"));
    }

    @Test
    void percentEncodedSpacesAndUnicodeAreDecoded() {
        String uriList = "file:///home/ann/My%20Photos/caf%C3%A9%20%E6%97%A5%E6%9C%AC.jpg\n"
                + "file:///home/ann/100%25%20sure/x.jpg";

        assertThat(DropAdapter.paths(List.of(), uriList, null)).containsExactly(
                Path.of("/home/ann/My Photos/café 日本.jpg"), Path.of("/home/ann/100% sure/x.jpg"));
    }

    @Test
    void localhostAuthorityAndShortFormAreFiles() {
        // RFC 8089 allows file://localhost/… and file:/…; some drag sources send them
        assertThat(DropAdapter.paths(List.of(), "file://localhost/home/ann/a.jpg\nfile:/home/ann/b.jpg", null))
                .containsExactly(Path.of("/home/ann/a.jpg"), Path.of("/home/ann/b.jpg"));
    }

    @Test
    void unencodedSpacesAreTolerated() {
        // not a valid URI, but what some applications put in a uri-list
        assertThat(DropAdapter.paths(List.of(), "file:///home/ann/My Photos/a b.jpg", null))
                .containsExactly(Path.of("/home/ann/My Photos/a b.jpg"));
    }

    @Test
    void nonFileUrlsAreIgnored() {
        String uriList = "https://example.com/cat.jpg\nhttp://example.com/dog.png\nftp://example.com/x\n"
                + "data:image/png;base64,AAAA\nmailto:ann@example.com";

        assertThat(DropAdapter.paths(List.of(), uriList, "just some words")).isEmpty();
        assertThat(DropAdapter.paths(List.of(), "https://example.com/cat.jpg\nfile:///home/ann/a.jpg", null))
                .containsExactly(Path.of("/home/ann/a.jpg"));
    }

    @Test
    void fileUrlsOnAnotherHostAreIgnored() {
        assertThat(DropAdapter.paths(List.of(), "file://server/share/a.jpg", null)).isEmpty();
    }

    @Test
    void plainAbsolutePathsInText() {
        assertThat(DropAdapter.paths(List.of(), null, "/home/ann/a.jpg\n/home/ann/Photo Folder\n"))
                .containsExactly(Path.of("/home/ann/a.jpg"), Path.of("/home/ann/Photo Folder"));
    }

    @Test
    void relativePathsAndWordsInTextAreIgnored() {
        assertThat(DropAdapter.paths(List.of(), null, "photos/a.jpg\nhello world\n~/b.jpg")).isEmpty();
    }

    @Test
    void urlWinsOverText() {
        assertThat(DropAdapter.paths(List.of(), "file:///home/ann/a.jpg", "/home/ann/b.jpg"))
                .containsExactly(Path.of("/home/ann/a.jpg"));
    }

    @Test
    void textIsUsedWhenTheUrlIsNotAFile() {
        assertThat(DropAdapter.paths(List.of(), "https://example.com/", "file:///home/ann/b.jpg"))
                .containsExactly(Path.of("/home/ann/b.jpg"));
    }

    @Test
    void duplicatesAreRemovedKeepingTheFirstPosition() {
        String uriList = "file:///home/ann/a.jpg\nfile:///home/ann/b.jpg\nfile:/home/ann/a.jpg\n"
                + "file:///home/ann/./b.jpg\nfile:///home/ann/x/../a.jpg";

        assertThat(DropAdapter.paths(List.of(), uriList, null))
                .containsExactly(Path.of("/home/ann/a.jpg"), Path.of("/home/ann/b.jpg"));
        assertThat(DropAdapter.paths(List.of(new File("/p/a.jpg"), new File("/p/a.jpg"), new File("/p/b.jpg")), null, null))
                .containsExactly(Path.of("/p/a.jpg"), Path.of("/p/b.jpg"));
        assertThat(DropAdapter.paths(List.of(), null, "/p/a.jpg\n/p/a.jpg\n/p/./a.jpg"))
                .containsExactly(Path.of("/p/a.jpg"));
    }

    @Test
    void nothingUsableIsEmpty() {
        assertThat(DropAdapter.paths(List.of(), null, null)).isEmpty();
        assertThat(DropAdapter.paths(List.of(), "", "")).isEmpty();
        assertThat(DropAdapter.paths(List.of(), "# only a comment\r\n", "   \n")).isEmpty();
        assertThat(DropAdapter.paths(List.of(), "file://%zz", null)).isEmpty();
    }
}
