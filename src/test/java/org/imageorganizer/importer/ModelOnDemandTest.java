package org.imageorganizer.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.imageorganizer.ml.ClipModel;
import org.imageorganizer.ml.ImageClassifier;
import org.imageorganizer.ml.ModelFolder;
import org.imageorganizer.ml.ModelManifest;
import org.imageorganizer.ml.TinyModel;
import org.imageorganizer.model.ModelException;
import org.junit.jupiter.api.Test;

/** The model of an import, loaded once, in the background, and only when asked for. */
class ModelOnDemandTest {
    private static final ModelManifest MANIFEST = ModelFolder.open(TinyModel.DIR).manifest();

    private final AtomicInteger loads = new AtomicInteger();
    private final AtomicInteger closes = new AtomicInteger();

    /** A stand-in model that answers a one-float embedding per image, and counts its loads and closes. */
    private ClipModel fake() {
        loads.incrementAndGet();
        return new ClipModel() {
            @Override
            public ModelManifest manifest() {
                return MANIFEST;
            }

            @Override
            public float[][] embedImages(float[] pixels, int count) {
                return new float[count][1];
            }

            @Override
            public float[][] embedTexts(List<String> texts) {
                return new float[texts.size()][1];
            }

            @Override
            public void close() {
                closes.incrementAndGet();
            }
        };
    }

    @Test
    void nothingIsLoadedOrClosedUntilTheModelIsAskedFor() {
        ModelOnDemand model = new ModelOnDemand(MANIFEST, this::fake, m -> null);

        assertThat(model.model().manifest()).isEqualTo(MANIFEST);
        assertThat(model.manifest()).isEqualTo(MANIFEST);
        model.close();

        assertThat(model.requested()).isFalse();
        assertThat(model.loadFailure()).isNull();
        assertThat(loads).hasValue(0);
        assertThat(closes).hasValue(0);
    }

    @Test
    void manyCallersShareOneLoadAndClosingFreesIt() throws Exception {
        ImageClassifier classifier = new ImageClassifier(null, null);
        CountDownLatch release = new CountDownLatch(1);
        ModelOnDemand model = new ModelOnDemand(MANIFEST, () -> {
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return fake();
        }, m -> classifier);
        model.load();
        model.load();
        Thread waiting = new Thread(() -> model.model().embedImages(new float[0], 2));
        waiting.start();
        release.countDown();

        assertThat(model.classifier()).isSameAs(classifier);
        waiting.join(10_000);
        assertThat(waiting.isAlive()).isFalse();
        assertThat(model.model().embedImages(new float[0], 3)).hasNumberOfRows(3);
        model.close();

        assertThat(loads).hasValue(1);
        assertThat(closes).hasValue(1);
    }

    @Test
    void aFailedLoadIsTheReasonEveryCallerGets() {
        ModelOnDemand model = new ModelOnDemand(MANIFEST, () -> {
            throw new ModelException("No model.");
        }, m -> null);

        assertThatThrownBy(model::classifier).isInstanceOf(ModelException.class).hasMessage("No model.");
        assertThatThrownBy(() -> model.model().embedImages(new float[0], 1)).isInstanceOf(ModelException.class);
        assertThat(model.loadFailure()).isInstanceOf(ModelException.class);
        model.close();
    }

    @Test
    void aClassifierThatCannotBeBuiltFailsTheLoadAndTheLoadedModelIsStillFreed() {
        ModelOnDemand model = new ModelOnDemand(MANIFEST, this::fake, m -> {
            throw new ModelException("The labels could not be embedded.");
        });

        assertThatThrownBy(model::classifier).hasMessage("The labels could not be embedded.");
        model.close();

        assertThat(closes).hasValue(1);
    }

    @Test
    void anotherImportSharesTheLoadWithItsOwnClassifierAndLeavesClosingToTheFirst() {
        AtomicInteger classifiers = new AtomicInteger();
        ModelOnDemand model = new ModelOnDemand(MANIFEST, this::fake, m -> {
            classifiers.incrementAndGet();
            return new ImageClassifier(null, null);
        });
        ModelOnDemand first = model.withNewClassifier();
        assertThat(first.ready()).isFalse();

        ImageClassifier one = first.classifier();
        ModelOnDemand second = model.withNewClassifier();
        assertThat(second.ready()).as("the model is loaded: nothing to wait for").isTrue();
        ImageClassifier two = second.classifier();
        first.close();
        second.close();

        assertThat(two).isNotSameAs(one);
        assertThat(classifiers).hasValue(2);
        assertThat(loads).hasValue(1);
        assertThat(closes).as("the copies leave the model to its owner").hasValue(0);
        model.close();
        assertThat(closes).hasValue(1);
    }

    @Test
    void whenReadyRunsOnceTheClassifierIsReadyAndNeverWhenTheLoadFails() throws InterruptedException {
        List<String> told = new java.util.concurrent.CopyOnWriteArrayList<>();
        CountDownLatch ready = new CountDownLatch(1);
        ModelOnDemand model = new ModelOnDemand(MANIFEST, this::fake, m -> new ImageClassifier(null, null));
        model.whenReady(() -> {
            told.add("ready");
            ready.countDown();
        });
        assertThat(told).isEmpty();

        model.classifier();

        assertThat(ready.await(10, TimeUnit.SECONDS)).isTrue(); // told on the loading thread, maybe just after
        assertThat(told).containsExactly("ready");
        ModelOnDemand broken = new ModelOnDemand(MANIFEST, () -> {
            throw new ModelException("No model.");
        }, m -> null);
        broken.whenReady(() -> told.add("broken"));
        assertThatThrownBy(broken::classifier).hasMessage("No model.");
        assertThat(told).containsExactly("ready");
        assertThat(broken.ready()).isFalse();
        model.close();
    }
}
