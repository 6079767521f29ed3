import QtQuick
import QtQuick.Controls

// Finds what a user sees on a page: a label showing some text, a button by its words, fields in
// their order on the page.
QtObject {
    // Items below `item` (its children, and a view's contentItem) for which `test` is true, in
    // the order they are laid out in the tree.
    function all(item, test) {
        let out = [];
        if (!item)
            return out;
        if (test(item))
            out.push(item);
        const kids = item.children || [];
        for (let i = 0; i < kids.length; ++i)
            out = out.concat(all(kids[i], test));
        if (item.contentItem && item.contentItem !== item && item.contentItem.parent !== item)
            out = out.concat(all(item.contentItem, test));
        return out;
    }

    // The first label whose text contains `text`, or null.
    function labelWith(item, text) {
        const found = all(item, i => i instanceof Label && i.text.indexOf(text) >= 0);
        return found.length > 0 ? found[0] : null;
    }

    // Whether `item` is where it will stay: inside the window, it and every item above it at
    // full opacity and scale (a dialog's buttons are laid out, and its opening transition is
    // over, a moment after it opens: a click before that misses).
    function settled(item) {
        if (!item || !item.Window.window)
            return false;
        const at = item.mapToItem(null, 0, 0);
        if (at.x < 0 || at.y < 0 || at.x + item.width > item.Window.width || at.y + item.height > item.Window.height)
            return false;
        for (let i = item; i; i = i.parent)
            if (i.opacity < 1 || i.scale !== 1)
                return false;
        return true;
    }

    // The first button that reads `text`, or null.
    function buttonWith(item, text) {
        const found = all(item, i => i instanceof Button && i.visible && i.text === text);
        return found.length > 0 ? found[0] : null;
    }

    // The first frame (a card of a list) that holds a label with `text`, or null.
    function frameWith(item, text) {
        const found = all(item, i => i instanceof Frame && labelWith(i, text) !== null);
        return found.length > 0 ? found[0] : null;
    }

    function textFields(item) {
        return all(item, i => i instanceof TextField);
    }
}
