package org.imageorganizer.ui.find;

import java.time.Duration;
import org.imageorganizer.ui.TaskExecutor;

/**
 * Runs an action on the UI thread after a pause, unless cancelled first: the search box's debounce and
 * retry. {@link FxUiDelay} is the window's; view-model tests fire the actions by hand, so no test sleeps.
 */
public interface UiDelay {

    /** Runs {@code action} on the UI thread after {@code delay}, unless the handle is cancelled before. */
    TaskExecutor.Cancellable after(Duration delay, Runnable action);
}
