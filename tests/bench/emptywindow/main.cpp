// The reference for ccn-bench's start-up time: a QGuiApplication and a QQuickView of an empty
// Item, which prints "first-frame" on stdout when its first frame is swapped, then exits.
#include <QGuiApplication>
#include <QQmlComponent>
#include <QQmlEngine>
#include <QQuickItem>
#include <QQuickView>

#include <cstdio>

int main(int argc, char *argv[])
{
    QGuiApplication app(argc, argv);
    QQuickView view;
    QQmlComponent component(view.engine());
    component.setData("import QtQuick\nItem { width: 480; height: 800 }\n", QUrl());
    QObject *root = component.create();
    if (!root)
        return 1;
    view.setContent(QUrl(), &component, root);
    QObject::connect(
        &view, &QQuickWindow::frameSwapped, &app,
        [&app] {
            std::fputs("first-frame\n", stdout);
            std::fflush(stdout);
            app.quit();
        },
        Qt::QueuedConnection);
    view.show();
    return app.exec();
}
