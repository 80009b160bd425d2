package org.imageorganizer.importer;

/** Client-supplied file names made safe to show, and the extensions stored files get. */
final class FileNames {
    private static final int MAX_LENGTH = 255;

    private FileNames() {
    }

    /**
     * The last segment of a client's file name, without control characters, at most 255
     * characters; "upload" when nothing is left. Only ever displayed, never used as a path.
     */
    static String displayName(String clientName) {
        if (clientName == null) {
            return "upload";
        }
        String name = clientName;
        int cut = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        name = name.substring(cut + 1);
        StringBuilder clean = new StringBuilder(name.length());
        name.codePoints()
                .filter(c -> !Character.isISOControl(c) && Character.getType(c) != Character.FORMAT)
                .forEach(clean::appendCodePoint);
        String result = clean.toString().strip();
        if (result.isEmpty() || result.equals(".") || result.equals("..")) {
            return "upload";
        }
        return result.length() > MAX_LENGTH ? result.substring(0, MAX_LENGTH) : result;
    }

    /** The extension a stored file of a detected format gets. */
    static String extension(String format) {
        return switch (format) {
            case "jpeg" -> "jpg";
            case "tiff" -> "tif";
            default -> format;
        };
    }
}
