import QtQuick

// Keeps one text input of a FieldEditor and its field's value in step.
// It takes the model's value while the user has not changed the text (a
// pull shows at once, even in a focused field) and keeps the user's own
// text otherwise (the model then marks the field stale). What the user
// types is reported with `base`: the server version of the value they
// began typing on, so a newer value conflicts instead of being overwritten.
QtObject {
    id: sync

    required property Item input   // a TextArea or TextField
    required property Item owner   // the FieldEditor

    property string loaded: ""     // what was last taken from the model
    property real base: 0          // its server version

    function take() {
        if (input.text !== owner.value) input.text = owner.value // qmllint disable type
        loaded = owner.value
        base = owner.version
    }

    Component.onCompleted: take()

    property Connections fromModel: Connections {
        target: sync.owner
        function onValueChanged() {
            const typed = sync.input.text // qmllint disable type
            if (!sync.input.activeFocus || typed === sync.loaded || typed === sync.owner.value) sync.take()
        }
        function onVersionChanged() { if (sync.input.text === sync.loaded) sync.base = sync.owner.version } // qmllint disable type
    }
    property Connections fromUser: Connections {
        target: sync.input
        function onTextChanged() {
            if (sync.input.text !== sync.owner.value && !sync.input.readOnly) // qmllint disable type
                sync.owner.edited(sync.owner.key, sync.input.text, 0, sync.base)
        }
    }
}
