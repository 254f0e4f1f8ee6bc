package dev.layerstudio.ui.contents;

import com.sun.javafx.scene.SceneHelper;
import com.sun.javafx.tk.TKClipboard;
import com.sun.javafx.tk.TKDropTargetListener;
import java.io.File;
import java.lang.reflect.Field;
import java.security.AccessControlContext;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.scene.input.DataFormat;
import javafx.scene.input.TransferMode;
import javafx.util.Pair;

/**
 * A drag from outside the application, delivered the way the windowing toolkit delivers
 * one: through the scene's own drop target (enter, over, drop) with a clipboard that
 * holds files and offers copy, move and link, as a desktop file manager does. The scene
 * then picks the node under the point and sends it the JavaFX drag events.
 */
public final class DesktopDrop {

    private DesktopDrop() {
    }

    /** Drags data over {@code target}'s centre and drops it; returns the transfer mode the scene accepted, or null. */
    static TransferMode drop(Node target, Map<DataFormat, Object> data, Set<TransferMode> offered) {
        Scene scene = target.getScene();
        TKDropTargetListener listener = listenerOf(scene);
        Bounds b = target.localToScene(target.getBoundsInLocal());
        double x = b.getMinX() + Math.min(40, b.getWidth() / 2);
        double y = b.getCenterY();
        Point2D screen = target.localToScreen(x - b.getMinX(), y - b.getMinY());
        TransferMode mode = offered.contains(TransferMode.COPY) ? TransferMode.COPY : offered.iterator().next();
        TKClipboard board = new Board(data, offered);
        listener.dragEnter(x, y, screen.getX(), screen.getY(), mode, board);
        TransferMode accepted = listener.dragOver(x, y, screen.getX(), screen.getY(), mode);
        if (accepted == null) {
            listener.dragExit(x, y, screen.getX(), screen.getY());
            return null;
        }
        return listener.drop(x, y, screen.getX(), screen.getY(), accepted);
    }

    public static TransferMode dropFiles(Node target, List<File> files) {
        Map<DataFormat, Object> data = new LinkedHashMap<>();
        data.put(DataFormat.FILES, files);
        return drop(target, data, EnumSet.of(TransferMode.COPY, TransferMode.MOVE, TransferMode.LINK));
    }

    private static TKDropTargetListener listenerOf(Scene scene) {
        Object peer = SceneHelper.getPeer(scene);
        for (Class<?> c = peer.getClass(); c != null; c = c.getSuperclass()) {
            try {
                Field f = c.getDeclaredField("dropTargetListener");
                f.setAccessible(true);
                return (TKDropTargetListener) f.get(peer);
            } catch (NoSuchFieldException e) {
                // look further up
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("The scene's peer has no drop target: " + peer.getClass());
    }

    /** What the toolkit's drag clipboard holds during a drag from another application. */
    private static final class Board implements TKClipboard {
        private final Map<DataFormat, Object> data;
        private final Set<TransferMode> modes;

        Board(Map<DataFormat, Object> data, Set<TransferMode> modes) {
            this.data = data;
            this.modes = modes;
        }

        @Override
        @SuppressWarnings("removal")
        public void setSecurityContext(AccessControlContext ctx) {
        }

        @Override
        public Set<DataFormat> getContentTypes() {
            return data.keySet();
        }

        @Override
        @SafeVarargs
        public final boolean putContent(Pair<DataFormat, Object>... content) {
            return false;
        }

        @Override
        public Object getContent(DataFormat format) {
            return data.get(format);
        }

        @Override
        public boolean hasContent(DataFormat format) {
            return data.containsKey(format);
        }

        @Override
        public Set<TransferMode> getTransferModes() {
            return modes;
        }

        @Override
        public void setDragView(Image image) {
        }

        @Override
        public void setDragViewOffsetX(double offsetX) {
        }

        @Override
        public void setDragViewOffsetY(double offsetY) {
        }

        @Override
        public Image getDragView() {
            return null;
        }

        @Override
        public double getDragViewOffsetX() {
            return 0;
        }

        @Override
        public double getDragViewOffsetY() {
            return 0;
        }
    }
}
