import QtQuick
import QtTest
import Matome
import "helpers.js" as Helpers

// The sign-in page: keyboard order, and a clear error instead of a request
// when a field is missing.
Item {
    width: 800
    height: 600

    SignInPage { id: page; anchors.fill: parent; initialServer: "http://127.0.0.1:9" }

    TestCase {
        name: "SignIn"
        when: windowShown

        function test_tabOrderAndMissingPassword() {
            const server = Helpers.findByName(page, "serverField")
            const login = Helpers.findByName(page, "loginField")
            const password = Helpers.findByName(page, "passwordField")
            compare(server.text, "http://127.0.0.1:9")
            server.forceActiveFocus()
            keyClick(Qt.Key_Tab)
            verify(login.activeFocus)
            keyClick(Qt.Key_Tab)
            verify(password.activeFocus)
            keyClick(Qt.Key_Return)  // no password typed
            verify(Session.error.indexOf("パスワード") >= 0)
            verify(!Session.busy)
        }

        // A failed sign-in (here: nothing listens at the address) says why
        // in Japanese and clears the password, leaving the rest as typed.
        function test_failedSignInClearsThePassword() {
            const login = Helpers.findByName(page, "loginField")
            const password = Helpers.findByName(page, "passwordField")
            login.text = "kourei"
            password.forceActiveFocus()
            keyClick(Qt.Key_D)
            keyClick(Qt.Key_E)
            compare(password.text.length, 2)
            keyClick(Qt.Key_Return)
            tryVerify(() => !Session.busy && Session.error !== "", 10000)
            verify(Session.error.indexOf("接続を拒否されました") >= 0, Session.error)
            compare(password.text, "")
            compare(login.text, "kourei")
            verify(password.activeFocus)
        }
    }
}
