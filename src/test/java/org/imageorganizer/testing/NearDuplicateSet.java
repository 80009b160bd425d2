package org.imageorganizer.testing;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.apache.commons.codec.digest.DigestUtils;
import org.imageorganizer.imaging.DecodedImage;
import org.imageorganizer.imaging.ImageDecoder;
import org.imageorganizer.imaging.ImageRejectedException;
import org.imageorganizer.imaging.OpenCvNatives;
import org.imageorganizer.imaging.PerceptualHasher;
import org.imageorganizer.model.PerceptualHash;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.core.MatOfInt;
import org.opencv.core.Rect;
import org.opencv.core.Size;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.imgproc.Imgproc;

/**
 * The near-duplicate quality set (issue 17, docs/decisions/0033): base photos ({@link Scenes}), each turned into the
 * variants a library really holds (resized, recompressed, converted, rotated by pixels and by EXIF, lightly cropped,
 * lightly edited), plus hard negatives: two crops of one wide picture overlapping by less than half, the same scene
 * with the camera panned, and many different photos of each kind ("the same labels"). Every file is encoded, then
 * decoded through the product's decoder as the import does, and hashed.
 *
 * <p>A photo's {@link Photo#group()} is its true stack: the base photo and its variants.
 */
public final class NearDuplicateSet {
    /** The import decodes for the model's input; CLIP's is 224. */
    public static final int MIN_SHORT_SIDE = 224;

    /** One variant of a base photo, as bytes of a file. */
    public enum Variant {
        ORIGINAL(base -> jpeg(base, 92)),
        RESIZED_HALF(base -> once(resize(base, 0.5), 90)),
        RESIZED_THIRD(base -> once(resize(base, 1 / 3.0), 85)),
        RECOMPRESSED(base -> jpeg(base, 35)),
        PNG(base -> encode(base, ".png")),
        WEBP(base -> encode(base, ".webp", Imgcodecs.IMWRITE_WEBP_QUALITY, 75)),
        ROTATED_90(base -> once(rotate(base, Core.ROTATE_90_CLOCKWISE), 90)),
        ROTATED_180(base -> once(rotate(base, Core.ROTATE_180), 90)),
        ROTATED_270(base -> once(rotate(base, Core.ROTATE_90_COUNTERCLOCKWISE), 90)),
        /** The original pixels with an EXIF tag saying "turn 90° clockwise to show": what a viewer's rotate writes. */
        EXIF_90(base -> TestImages.withExifOrientation(jpeg(base, 92), 6)),
        EXIF_270(base -> TestImages.withExifOrientation(jpeg(base, 92), 8)),
        /** 3% off every side. */
        CROPPED_EDGES(base -> once(crop(base, 0.03, 0.03, 0.03, 0.03), 90)),
        /** 5% off the right, 4% off the bottom. */
        CROPPED_CORNER(base -> once(crop(base, 0, 0, 0.05, 0.04), 90)),
        BRIGHTER(base -> once(adjust(base, 1.0, 25), 90)),
        MORE_CONTRAST(base -> once(adjust(base, 1.3, -0.3 * 128), 90)),
        /** Resized to 70%, darker, more contrast, quality 75: an export from an editor. */
        EDITED(base -> {
            Mat smaller = resize(base, 0.7);
            try {
                return once(adjust(smaller, 1.1, -30), 75);
            } finally {
                smaller.release();
            }
        });

        private final Function<Mat, byte[]> file;

        Variant(Function<Mat, byte[]> file) {
            this.file = file;
        }

        /** The variant's file made from a BGR base picture (left unchanged). */
        public byte[] file(Mat base) {
            return file.apply(base);
        }
    }

    /**
     * One decoded, hashed file of the set.
     *
     * @param group   the true stack: all variants of one base photo share it
     * @param name    base and variant, for messages
     * @param base    what the base photo is ("scene 4", "crop A of wide 2"…)
     * @param width   the upright width the decoder reports
     * @param height  the upright height
     */
    public record Photo(int group, String name, String base, Variant variant, String sha256, PerceptualHash hash,
            int width, int height, String format, long byteSize) {
    }

    /** A base photo before its variants are made. */
    public record Base(String name, Mat bgr) {
    }

    private NearDuplicateSet() {
    }

    /**
     * The base photos, made from seeds {@code firstSeed} on: {@code scenes} independent scenes (all six kinds, several sizes and both orientations), then
     * {@code widePairs} pairs of crops of one wide picture overlapping by 45% of a crop, then {@code widePairs}
     * pairs of windows of one scene with the camera panned by {@code panShare} of the width.
     */
    public static List<Base> bases(int firstSeed, int scenes, int widePairs, double panShare) {
        OpenCvNatives.ensureLoaded();
        int[][] sizes = {{640, 480}, {480, 640}, {720, 480}, {560, 560}, {800, 600}};
        List<Base> bases = new ArrayList<>();
        for (int s = 0; s < scenes; s++) {
            int[] size = sizes[s % sizes.length];
            bases.add(new Base("scene " + (firstSeed + s), toMat(Scenes.scene(firstSeed + s, size[0], size[1]))));
        }
        for (int p = 0; p < widePairs; p++) {
            Mat wide = toMat(Scenes.scene(firstSeed + 1000 + p, 1240, 480));
            bases.add(new Base("crop A of wide " + p, wide.submat(new Rect(0, 0, 800, 480)).clone()));
            bases.add(new Base("crop B of wide " + p, wide.submat(new Rect(440, 0, 800, 480)).clone()));
            wide.release();
        }
        for (int p = 0; p < widePairs; p++) {
            int pan = (int) Math.round(640 * panShare);
            Mat wide = toMat(Scenes.scene(firstSeed + 2000 + p, 640 + pan, 480));
            bases.add(new Base("view of place " + p, wide.submat(new Rect(0, 0, 640, 480)).clone()));
            bases.add(new Base("panned view of place " + p, wide.submat(new Rect(pan, 0, 640, 480)).clone()));
            wide.release();
        }
        return bases;
    }

    /**
     * Every variant of every base, decoded with {@code decoder} and hashed, on all cores; in the order of the bases
     * and variants. The bases' matrices are released.
     */
    public static List<Photo> photos(List<Base> bases, ImageDecoder decoder) {
        PerceptualHasher hasher = new PerceptualHasher();
        return IntStream.range(0, bases.size()).parallel().mapToObj(group -> {
            Base base = bases.get(group);
            List<Photo> photos = new ArrayList<>();
            for (Variant variant : Variant.values()) {
                byte[] file = variant.file(base.bgr());
                DecodedImage decoded = decode(decoder, file);
                photos.add(new Photo(group, base.name() + " / " + variant, base.name(), variant,
                        DigestUtils.sha256Hex(file), hasher.hash(decoded.image()), decoded.width(), decoded.height(),
                        decoded.format(), file.length));
            }
            base.bgr().release();
            return photos;
        }).flatMap(List::stream).toList();
    }

    public static DecodedImage decode(ImageDecoder decoder, byte[] file) {
        try {
            return decoder.decode(file, MIN_SHORT_SIDE);
        } catch (ImageRejectedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A BGR matrix of a Java 2D picture. */
    public static Mat toMat(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        byte[] bgr = new byte[w * h * 3];
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            image.getRGB(0, y, w, 1, row, 0, w);
            for (int x = 0; x < w; x++) {
                int at = (y * w + x) * 3;
                bgr[at] = (byte) row[x];
                bgr[at + 1] = (byte) (row[x] >> 8);
                bgr[at + 2] = (byte) (row[x] >> 16);
            }
        }
        Mat mat = new Mat(h, w, CvType.CV_8UC3);
        mat.put(0, 0, bgr);
        return mat;
    }

    public static byte[] jpeg(Mat bgr, int quality) {
        return encode(bgr, ".jpg", Imgcodecs.IMWRITE_JPEG_QUALITY, quality);
    }

    /** A JPEG of a transformed picture, which is released. */
    private static byte[] once(Mat transformed, int quality) {
        try {
            return jpeg(transformed, quality);
        } finally {
            transformed.release();
        }
    }

    private static byte[] encode(Mat bgr, String extension, int... params) {
        MatOfByte out = new MatOfByte();
        try {
            if (!Imgcodecs.imencode(extension, bgr, out, new MatOfInt(params))) {
                throw new IllegalStateException("OpenCV cannot encode " + extension);
            }
            return out.toArray();
        } finally {
            out.release();
        }
    }

    /** Area-average resize, as photo tools do when shrinking. */
    public static Mat resize(Mat bgr, double scale) {
        Mat out = new Mat();
        Imgproc.resize(bgr, out, new Size(Math.round(bgr.cols() * scale), Math.round(bgr.rows() * scale)), 0, 0,
                Imgproc.INTER_AREA);
        return out;
    }

    public static Mat rotate(Mat bgr, int rotateCode) {
        Mat out = new Mat();
        Core.rotate(bgr, out, rotateCode);
        return out;
    }

    /** Removes the given shares of the width and height from each side. */
    public static Mat crop(Mat bgr, double left, double top, double right, double bottom) {
        int x = (int) Math.round(bgr.cols() * left);
        int y = (int) Math.round(bgr.rows() * top);
        int w = (int) Math.round(bgr.cols() * (1 - left - right));
        int h = (int) Math.round(bgr.rows() * (1 - top - bottom));
        return bgr.submat(new Rect(x, y, w, h)).clone();
    }

    /** {@code v * gain + offset}, saturated: contrast and brightness. */
    public static Mat adjust(Mat bgr, double gain, double offset) {
        Mat out = new Mat();
        bgr.convertTo(out, -1, gain, offset);
        return out;
    }
}
