package org.imageorganizer.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.imageorganizer.model.ImportListener;

/** An import listener that notes what it hears of the model's load: "loading", then "ready". */
public final class ModelLoadHeard implements ImportListener {
    private final List<String> heard = new CopyOnWriteArrayList<>();

    @Override
    public void loadingModel() {
        heard.add("loading");
    }

    @Override
    public void modelReady() {
        heard.add("ready");
    }

    /** What was heard so far, in order. */
    public List<String> heard() {
        return List.copyOf(heard);
    }

    public void clear() {
        heard.clear();
    }
}
