import QtQuick
import QtQuick.Dialogs
import Matome

// The platform's file dialog (native or the desktop portal, as Qt finds
// them), opening where the user last was for this kind of file, else in the
// documents folder, and remembering the folder chosen.
FileDialog {
    id: dialog

    required property string place  // "report", "import", "mapping", "bundle", …

    // Read once: within a run the dialog stays where the user left it.
    currentFolder: ViewSettings.folder(place)
    onAccepted: ViewSettings.rememberFolder(place, selectedFile)
}
