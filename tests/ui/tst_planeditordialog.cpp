// The plan editor over the REAL backend and the fake cloud on 127.0.0.1, driven by objectName the way a
// user clicks: validation (each problem shown, Save disabled), the live preview of a selector's servers
// (listed from the cloud off the GUI thread), explicit servers from the cloud's list, the schedule's next
// runs (systemd's answer for calendar expressions), retention presets and numbers, and that saving keeps
// the fields the editor has no control for.
#include "common/formatting.h"
#include "planguifixture.h"
#include "plans/planeditordialog.h"
#include "plans/planstore.h"
#include "protection/bankservice.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTimeEdit>

using sv::ui::PlanEditorDialog;

class TestPlanEditorDialog : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { m_fixture.setUp(this); }
    void cleanupTestCase() { m_fixture.tearDown(this); }
    void validation_data();
    void validation();
    void livePreviewOfASelector();
    void allProjectsSelector();
    void explicitServersAndSave();
    void nextRuns_data();
    void nextRuns();
    void retentionPresets();
    void editKeepsOtherFields();
    void restoreTest();

private:
    // A new-plan editor, shown, with its cloud's servers listed.
    std::unique_ptr<PlanEditorDialog> openNew();
    template<typename T>
    T *child(QWidget *dialog, const char *name)
    {
        T *widget = dialog->findChild<T *>(QLatin1String(name));
        if (!widget)
            qWarning("no child %s", name);
        return widget;
    }
    QString validationText(PlanEditorDialog &dialog)
    {
        return child<QLabel>(&dialog, "validationLabel")->text();
    }
    bool saveEnabled(PlanEditorDialog &dialog)
    {
        return child<QPushButton>(&dialog, "savePlanButton")->isEnabled();
    }

    PlanGuiFixture m_fixture;
};

std::unique_ptr<PlanEditorDialog> TestPlanEditorDialog::openNew()
{
    auto dialog = std::make_unique<PlanEditorDialog>(m_fixture.plans.get(), std::nullopt);
    dialog->show();
    if (!QTest::qWaitForWindowExposed(dialog.get()))
        return {};
    auto *status = child<QLabel>(dialog.get(), "serversStatusLabel");
    // The demo project has 5 servers (other-1 is another project's).
    if (!QTest::qWaitFor([&] { return status->text().contains(QStringLiteral("5 server(s) in fake-demo")); }, 20000)) {
        qWarning() << "servers not listed:" << status->text();
        return {};
    }
    return dialog;
}

void TestPlanEditorDialog::validation_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("expected"); // a part of the sentence shown; empty: valid
    QTest::newRow("valid") << QString() << QString() << QString();
    QTest::newRow("empty name") << "name" << "" << "The plan name \"\" cannot be used";
    QTest::newRow("bad name") << "name" << "my plan!" << "The plan name \"my plan!\" cannot be used";
    QTest::newRow("taken name") << "name" << "taken" << "A plan named \"taken\" already exists.";
    QTest::newRow("no servers") << "sources" << "none" << "names no servers";
    QTest::newRow("bad storage") << "bank" << "swift:only-a-cloud" << "swift:";
    QTest::newRow("calendar without expression") << "schedule" << "calendar" << "Give a calendar expression";
    QTest::newRow("named volumes without names") << "volumes" << "named" << "Name the volumes to save";
    QTest::newRow("no data but volumes") << "includeData" << "off" << "Without the servers' data";
    QTest::newRow("bad keep within") << "within" << "3x" << "keep_within \"3x\" is not a duration";
}

void TestPlanEditorDialog::validation()
{
    QFETCH(QString, field);
    QFETCH(QString, value);
    QFETCH(QString, expected);
    QString error;
    if (!m_fixture.plans->store()->find(QStringLiteral("taken")))
        QVERIFY2(m_fixture.plans->savePlan({}, m_fixture.webPlan(QStringLiteral("taken")), &error), qPrintable(error));

    auto dialog = openNew();
    QVERIFY(dialog);
    // A new plan has no name and no servers yet: said at once, and Save is off.
    QVERIFY2(validationText(*dialog).contains(QStringLiteral("The plan name \"\" cannot be used")), qPrintable(validationText(*dialog)));
    QVERIFY(!saveEnabled(*dialog));
    QTest::keyClicks(child<QLineEdit>(dialog.get(), "planNameEdit"), QStringLiteral("valid-plan"));
    QVERIFY2(validationText(*dialog).contains(QStringLiteral("names no servers")), qPrintable(validationText(*dialog)));
    QTest::keyClicks(child<QLineEdit>(dialog.get(), "namePatternEdit"), QStringLiteral("web-*"));
    QTest::mouseClick(child<QPushButton>(dialog.get(), "addSelectorButton"), Qt::LeftButton);
    QCOMPARE(child<QListWidget>(dialog.get(), "sourcesList")->count(), 1);
    QVERIFY2(validationText(*dialog).isEmpty(), qPrintable(validationText(*dialog)));
    QVERIFY(saveEnabled(*dialog));

    if (field == u"name") {
        child<QLineEdit>(dialog.get(), "planNameEdit")->setText(value);
    } else if (field == u"sources") {
        auto *sources = child<QListWidget>(dialog.get(), "sourcesList");
        sources->selectAll();
        QTest::mouseClick(child<QPushButton>(dialog.get(), "removeSourceButton"), Qt::LeftButton);
        QCOMPARE(sources->count(), 0);
    } else if (field == u"bank") {
        child<QLineEdit>(dialog.get(), "bankEdit")->setText(value);
        expected = sv::BankService::locationError(value);
        QVERIFY(!expected.isEmpty());
    } else if (field == u"schedule") {
        auto *combo = child<QComboBox>(dialog.get(), "scheduleCombo");
        combo->setCurrentIndex(combo->findData(int(sv::PlanSchedule::Kind::Calendar)));
        QVERIFY(child<QLineEdit>(dialog.get(), "calendarEdit")->isVisible());
    } else if (field == u"volumes") {
        auto *combo = child<QComboBox>(dialog.get(), "volumesCombo");
        combo->setCurrentIndex(combo->findData(int(sv::VolumeSelection::Mode::Named)));
    } else if (field == u"includeData") {
        auto *volumes = child<QComboBox>(dialog.get(), "volumesCombo");
        volumes->setCurrentIndex(volumes->findData(int(sv::VolumeSelection::Mode::All)));
        QTest::mouseClick(child<QCheckBox>(dialog.get(), "planIncludeDataCheck"), Qt::LeftButton, {}, QPoint(8, 8));
        QVERIFY(!dialog->plan().includeData);
    } else if (field == u"within") {
        QTest::keyClicks(child<QLineEdit>(dialog.get(), "keepWithinEdit"), value);
    }
    if (expected.isEmpty()) {
        QVERIFY2(validationText(*dialog).isEmpty(), qPrintable(validationText(*dialog)));
        QVERIFY(saveEnabled(*dialog));
        QVERIFY(!child<QLabel>(dialog.get(), "validationLabel")->isVisible());
        return;
    }
    QVERIFY2(validationText(*dialog).contains(expected), qPrintable(validationText(*dialog) + u" / expected " + expected));
    QCOMPARE(dialog->validationText(), validationText(*dialog));
    QVERIFY(child<QLabel>(dialog.get(), "validationLabel")->isVisible());
    QVERIFY(!saveEnabled(*dialog));
    // Save refuses too (Enter in a field would press it): nothing is written.
    const int before = int(m_fixture.plans->plans().size());
    dialog->accept();
    QVERIFY(dialog->isVisible());
    QCOMPARE(m_fixture.plans->plans().size(), before);
}

void TestPlanEditorDialog::livePreviewOfASelector()
{
    auto dialog = openNew();
    QVERIFY(dialog);
    QSignalSpy previews(dialog.get(), &PlanEditorDialog::previewUpdated);
    auto *pattern = child<QLineEdit>(dialog.get(), "namePatternEdit");
    auto *tag = child<QLineEdit>(dialog.get(), "tagEdit");
    auto *list = child<QListWidget>(dialog.get(), "previewList");
    auto *label = child<QLabel>(dialog.get(), "previewLabel");
    // Without tag or pattern: every server of the project.
    QTRY_COMPARE_WITH_TIMEOUT(list->count(), 5, 10000);

    const auto waitForPreview = [&](const QStringList &names) {
        return QTest::qWaitFor([&] {
            return !previews.isEmpty() && previews.last().at(0).toStringList() == names
                && previews.last().at(1).toString().isEmpty()
                && dialog->previewNames() == names && list->count() == names.size();
        }, 10000);
    };
    QTest::keyClicks(pattern, QStringLiteral("web-*"));
    QVERIFY2(waitForPreview({QStringLiteral("web-1"), QStringLiteral("web-2")}), qPrintable(label->text()));
    QCOMPARE(list->item(0)->text(), QStringLiteral("web-1"));
    QVERIFY2(label->text().contains(QStringLiteral("2 server(s) match now")), qPrintable(label->text()));
    // Typing a pattern asks once it pauses, not per key: five keys, one preview.
    QVERIFY2(previews.size() <= 2, qPrintable(QString::number(previews.size())));

    QTest::keyClicks(tag, QStringLiteral("prod"));
    QVERIFY2(waitForPreview({QStringLiteral("web-1")}), qPrintable(label->text()));
    QVERIFY(label->text().contains(QStringLiteral("1 server(s) match")));

    tag->clear();
    pattern->setText(QStringLiteral("db-[1"));
    QTRY_VERIFY_WITH_TIMEOUT(!previews.last().at(1).toString().isEmpty(), 10000);
    QVERIFY2(label->text().contains(QStringLiteral("is not a valid wildcard pattern")), qPrintable(label->text()));
    QCOMPARE(list->count(), 0);

    pattern->setText(QStringLiteral("nothing-*"));
    QVERIFY(waitForPreview({}));
    QVERIFY2(label->text().contains(QStringLiteral("No server of fake-demo matches")), qPrintable(label->text()));

    // A comma is no tag Nova can hold: said before anything is added.
    tag->setText(QStringLiteral("a,b"));
    QTRY_VERIFY_WITH_TIMEOUT(label->text().contains(QStringLiteral("cannot hold a comma")), 10000);
}

// "In all projects": no preview of the profile's own servers (it would be wrong), a note saying when they are
// listed, and a selector the plan saves with all_projects.
void TestPlanEditorDialog::allProjectsSelector()
{
    auto dialog = openNew();
    QVERIFY(dialog);
    auto *all = child<QCheckBox>(dialog.get(), "allProjectsCheck");
    auto *label = child<QLabel>(dialog.get(), "previewLabel");
    auto *list = child<QListWidget>(dialog.get(), "previewList");
    QTRY_COMPARE_WITH_TIMEOUT(list->count(), 5, 10000);
    QTest::keyClicks(child<QLineEdit>(dialog.get(), "tagEdit"), QStringLiteral("prod"));
    all->setChecked(true);
    QTRY_VERIFY_WITH_TIMEOUT(label->text().contains(QStringLiteral("No preview for all projects")), 10000);
    QCOMPARE(list->count(), 0);
    QTest::mouseClick(child<QPushButton>(dialog.get(), "addSelectorButton"), Qt::LeftButton);
    const sv::Plan plan = dialog->plan();
    QCOMPARE(plan.sources.size(), 1);
    QVERIFY(plan.sources.first().allProjects);
    QCOMPARE(plan.sources.first().tag, QStringLiteral("prod"));
    QCOMPARE(plan.sources.first().describe(), QStringLiteral("servers tagged prod in all projects of fake-demo"));
}

void TestPlanEditorDialog::explicitServersAndSave()
{
    auto dialog = openNew();
    QVERIFY(dialog);
    QSignalSpy saved(dialog.get(), &PlanEditorDialog::saved);
    QTest::keyClicks(child<QLineEdit>(dialog.get(), "planNameEdit"), QStringLiteral("chosen"));
    QTest::mouseClick(child<QRadioButton>(dialog.get(), "explicitRadio"), Qt::LeftButton, {}, QPoint(8, 8));
    auto *pick = child<QListWidget>(dialog.get(), "serverPickList");
    QVERIFY(pick->isVisible());
    QCOMPARE(pick->count(), 5);
    for (int row = 0; row < pick->count(); ++row) {
        if (pick->item(row)->text() == u"db-1" || pick->item(row)->text() == u"web-2")
            pick->item(row)->setCheckState(Qt::Checked);
    }
    QTest::mouseClick(child<QPushButton>(dialog.get(), "addServersButton"), Qt::LeftButton);
    auto *sources = child<QListWidget>(dialog.get(), "sourcesList");
    QCOMPARE(sources->count(), 2);
    QCOMPARE(sources->item(0)->text(), QStringLiteral("db-1 in fake-demo"));
    QCOMPARE(sources->item(1)->text(), QStringLiteral("web-2 in fake-demo"));
    // Adding the same server again names it once.
    pick->item(0)->setCheckState(Qt::Checked);
    const QString again = pick->item(0)->text();
    if (again == u"db-1") {
        QTest::mouseClick(child<QPushButton>(dialog.get(), "addServersButton"), Qt::LeftButton);
        QCOMPARE(sources->count(), 2);
    }
    child<QSpinBox>(dialog.get(), "parallelismSpin")->setValue(3);
    QTest::mouseClick(child<QCheckBox>(dialog.get(), "enabledCheck"), Qt::LeftButton, {}, QPoint(8, 8));
    QVERIFY(saveEnabled(*dialog));
    QTest::mouseClick(child<QPushButton>(dialog.get(), "savePlanButton"), Qt::LeftButton);
    QCOMPARE(saved.size(), 1);
    QVERIFY(!dialog->isVisible());

    // Saved in plans.json, as the CLI reads it.
    sv::PlanStore store(m_fixture.plans->store()->directory());
    QVERIFY(store.load());
    const std::optional<sv::Plan> plan = store.find(QStringLiteral("chosen"));
    QVERIFY(plan);
    QCOMPARE(plan->sources.size(), 2);
    QCOMPARE(plan->sources.at(0), (sv::PlanSource{QStringLiteral("fake-demo"), QStringLiteral("db-1"), {}, {}}));
    QCOMPARE(plan->parallelism, 3);
    QVERIFY(!plan->enabled);
    QCOMPARE(plan->bank, sv::AppSettings::instance()->bankLocation());
    // A new plan starts daily at 02:00 keeping 7 daily, 4 weekly, 6 monthly.
    QCOMPARE(plan->schedule.toString(), QStringLiteral("daily 02:00"));
    QCOMPARE(sv::Plan::describeRetention(plan->retention), QStringLiteral("keep 7 daily, 4 weekly, 6 monthly"));
}

void TestPlanEditorDialog::nextRuns_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("calendar");
    QTest::addColumn<QString>("expected"); // "runs": three times; else a part of the sentence
    QTest::newRow("hourly") << int(sv::PlanSchedule::Kind::Hourly) << QString() << "runs";
    QTest::newRow("daily") << int(sv::PlanSchedule::Kind::Daily) << QString() << "runs";
    QTest::newRow("weekly") << int(sv::PlanSchedule::Kind::Weekly) << QString() << "runs";
    QTest::newRow("calendar") << int(sv::PlanSchedule::Kind::Calendar) << "Mon..Fri *-*-* 02:00" << "runs";
    QTest::newRow("calendar systemd rejects") << int(sv::PlanSchedule::Kind::Calendar) << "every full moon"
                                              << "systemd does not understand the calendar expression";
    QTest::newRow("by hand") << int(sv::PlanSchedule::Kind::None) << QString() << "Runs only when started";
}

void TestPlanEditorDialog::nextRuns()
{
    QFETCH(int, kind);
    QFETCH(QString, calendar);
    QFETCH(QString, expected);
    sv::ui::PlanEditorDialog dialog(m_fixture.plans.get(), std::nullopt);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QSignalSpy shown(&dialog, &PlanEditorDialog::nextRunsShown);
    auto *combo = child<QComboBox>(&dialog, "scheduleCombo");
    combo->setCurrentIndex(combo->findData(kind));
    child<QSpinBox>(&dialog, "minuteSpin")->setValue(17);
    child<QTimeEdit>(&dialog, "timeEdit")->setTime(QTime(3, 45));
    child<QComboBox>(&dialog, "weekdayCombo")->setCurrentIndex(2); // Wednesday
    child<QLineEdit>(&dialog, "calendarEdit")->setText(calendar);
    auto *label = child<QLabel>(&dialog, "nextRunsLabel");
    // The last answer is for the schedule as it is now (earlier ones are dropped).
    QTRY_VERIFY_WITH_TIMEOUT(!shown.isEmpty() && shown.last().at(0).toString() == label->text()
                                 && !label->text().contains(QStringLiteral("Working out")),
                             15000);
    QTest::qWait(400);
    QTRY_VERIFY_WITH_TIMEOUT(!label->text().contains(QStringLiteral("Working out")), 15000);
    const QString text = label->text();
    if (expected != u"runs") {
        QVERIFY2(text.contains(expected), qPrintable(text));
        return;
    }
    QVERIFY2(text.startsWith(QStringLiteral("Next runs: ")), qPrintable(text));
    const sv::PlanSchedule schedule = dialog.plan().schedule;
    if (schedule.kind == sv::PlanSchedule::Kind::Calendar) {
        QVERIFY2(text.count(QLatin1Char(';')) == 2, qPrintable(text));
        return;
    }
    // Hourly/daily/weekly: the same times as StackVault's own computation (which agrees with systemd).
    QDateTime after = QDateTime::currentDateTime();
    QStringList times;
    for (int i = 0; i < 3; ++i) {
        after = schedule.nextRun(after);
        times.append(sv::ui::formatDateTime(after));
    }
    QCOMPARE(text, QStringLiteral("Next runs: ") + times.join(QStringLiteral("; ")));
    if (schedule.kind == sv::PlanSchedule::Kind::Weekly)
        QCOMPARE(schedule.toString(), QStringLiteral("weekly wed 03:45"));
    if (schedule.kind == sv::PlanSchedule::Kind::Hourly)
        QCOMPARE(schedule.toString(), QStringLiteral("hourly :17"));
}

void TestPlanEditorDialog::retentionPresets()
{
    sv::ui::PlanEditorDialog dialog(m_fixture.plans.get(), std::nullopt);
    auto *preset = child<QComboBox>(&dialog, "retentionPresetCombo");
    auto *daily = child<QSpinBox>(&dialog, "keepDailySpin");
    auto *weekly = child<QSpinBox>(&dialog, "keepWeeklySpin");
    auto *monthly = child<QSpinBox>(&dialog, "keepMonthlySpin");
    auto *hourly = child<QSpinBox>(&dialog, "keepHourlySpin");
    auto *summary = child<QLabel>(&dialog, "retentionSummaryLabel");
    QCOMPARE(preset->currentText(), QStringLiteral("7 daily, 4 weekly, 6 monthly"));
    QCOMPARE(daily->value(), 7);
    QCOMPARE(weekly->value(), 4);
    QCOMPARE(monthly->value(), 6);
    QVERIFY2(summary->text().contains(QStringLiteral("keep 7 daily, 4 weekly, 6 monthly")), qPrintable(summary->text()));

    // A number changed by hand: the preset says Custom, and the plan keeps what the numbers say.
    daily->setValue(10);
    QCOMPARE(preset->currentText(), QStringLiteral("Custom"));
    QCOMPARE(dialog.plan().retention,
             (QJsonObject{{QStringLiteral("keep_daily"), 10}, {QStringLiteral("keep_weekly"), 4}, {QStringLiteral("keep_monthly"), 6}}));
    daily->setValue(7);
    QCOMPARE(preset->currentText(), QStringLiteral("7 daily, 4 weekly, 6 monthly"));

    // Choosing a preset sets every number.
    const int hourlyPreset = preset->findText(QStringLiteral("24 hourly, 7 daily, 4 weekly"));
    QVERIFY(hourlyPreset > 0);
    preset->setCurrentIndex(hourlyPreset);
    Q_EMIT preset->activated(hourlyPreset);
    QCOMPARE(hourly->value(), 24);
    QCOMPARE(monthly->value(), 0);
    QCOMPARE(sv::Plan::describeRetention(dialog.plan().retention), QStringLiteral("keep 24 hourly, 7 daily, 4 weekly"));

    const int everything = preset->findText(QStringLiteral("Keep everything"));
    preset->setCurrentIndex(everything);
    Q_EMIT preset->activated(everything);
    QVERIFY(dialog.plan().retention.isEmpty());
    QVERIFY2(summary->text().contains(QStringLiteral("nothing is ever removed")), qPrintable(summary->text()));

    child<QLineEdit>(&dialog, "keepWithinEdit")->setText(QStringLiteral("30d"));
    QCOMPARE(preset->currentText(), QStringLiteral("Custom"));
    QCOMPARE(dialog.plan().retention, (QJsonObject{{QStringLiteral("keep_within"), QStringLiteral("30d")}}));
}

void TestPlanEditorDialog::editKeepsOtherFields()
{
    QString error;
    sv::Plan original = m_fixture.webPlan(QStringLiteral("kept-fields"), {{QStringLiteral("keep_last"), 3}});
    original.sources.append(sv::PlanSource{QStringLiteral("fake-demo"), QStringLiteral("db-1"), {}, {}});
    original.schedule = sv::PlanSchedule{sv::PlanSchedule::Kind::Calendar, 0, 0, 1, QStringLiteral("Sat *-*-* 04:00")};
    original.includeData = false;
    original.enabled = false;
    QVERIFY2(m_fixture.plans->savePlan({}, original, &error), qPrintable(error));

    sv::ui::PlanEditorDialog dialog(m_fixture.plans.get(), original);
    // Every control shows the saved plan.
    QCOMPARE(child<QLineEdit>(&dialog, "planNameEdit")->text(), QStringLiteral("kept-fields"));
    QCOMPARE(child<QListWidget>(&dialog, "sourcesList")->count(), 2);
    QCOMPARE(child<QLineEdit>(&dialog, "calendarEdit")->text(), QStringLiteral("Sat *-*-* 04:00"));
    QVERIFY(!child<QCheckBox>(&dialog, "planIncludeDataCheck")->isChecked());
    QVERIFY(!child<QCheckBox>(&dialog, "enabledCheck")->isChecked());
    QCOMPARE(child<QSpinBox>(&dialog, "keepLastSpin")->value(), 3);
    QCOMPARE(child<QComboBox>(&dialog, "retentionPresetCombo")->currentText(), QStringLiteral("Custom"));
    QCOMPARE(dialog.plan().toJson(), original.toJson()); // nothing changed yet: the same plan

    child<QSpinBox>(&dialog, "parallelismSpin")->setValue(4);
    QVERIFY2(dialog.validationText().isEmpty(), qPrintable(dialog.validationText()));
    dialog.accept();
    const std::optional<sv::Plan> saved = m_fixture.plans->store()->find(QStringLiteral("kept-fields"));
    QVERIFY(saved);
    sv::Plan expected = original;
    expected.parallelism = 4;
    QCOMPARE(saved->toJson(), expected.toJson());

    // Renamed: the old name is free, the new one holds the plan.
    sv::ui::PlanEditorDialog rename(m_fixture.plans.get(), *saved);
    child<QLineEdit>(&rename, "planNameEdit")->setText(QStringLiteral("renamed-fields"));
    rename.accept();
    QVERIFY(!m_fixture.plans->store()->find(QStringLiteral("kept-fields")));
    QVERIFY(m_fixture.plans->store()->find(QStringLiteral("renamed-fields")));
}

// The restore test section: off for a new plan; checked with a cloud, a marker and a wait it is the plan's
// testRestore; a saved test naming a cloud that is gone is shown, refused while on, fine once off.
void TestPlanEditorDialog::restoreTest()
{
    std::unique_ptr<PlanEditorDialog> dialog = openNew();
    QVERIFY(dialog);
    auto *section = child<QGroupBox>(dialog.get(), "restoreTestSection");
    QVERIFY(section && section->isCheckable());
    QVERIFY(!section->isChecked());
    QCOMPARE(dialog->plan().testRestore, sv::PlanRestoreTest{});
    child<QLineEdit>(dialog.get(), "planNameEdit")->setText(QStringLiteral("tested-in-editor"));
    section->setChecked(true);
    auto *clouds = child<QComboBox>(dialog.get(), "testCloudCombo");
    QCOMPARE(clouds->itemData(0).toString(), QString()); // the server's own cloud
    const int demo = clouds->findData(QStringLiteral("fake-demo"));
    QVERIFY(demo > 0);
    clouds->setCurrentIndex(demo);
    child<QLineEdit>(dialog.get(), "testMarkerEdit")->setText(QStringLiteral("login:"));
    child<QSpinBox>(dialog.get(), "testTimeoutSpin")->setValue(120);
    QCOMPARE(dialog->plan().testRestore, (sv::PlanRestoreTest{true, QStringLiteral("fake-demo"), QStringLiteral("login:"), 120}));

    sv::Plan saved = m_fixture.webPlan(QStringLiteral("tests-gone-cloud"), {});
    saved.testRestore = {true, QStringLiteral("gone-cloud"), {}, 600};
    sv::ui::PlanEditorDialog edit(m_fixture.plans.get(), saved);
    QCOMPARE(child<QComboBox>(&edit, "testCloudCombo")->currentData().toString(), QStringLiteral("gone-cloud"));
    QCOMPARE(child<QSpinBox>(&edit, "testTimeoutSpin")->value(), 600);
    QVERIFY2(edit.validationText().contains(QStringLiteral("names the cloud \"gone-cloud\", which is not saved")),
             qPrintable(edit.validationText()));
    QVERIFY(!saveEnabled(edit));
    child<QGroupBox>(&edit, "restoreTestSection")->setChecked(false);
    QVERIFY2(edit.validationText().isEmpty(), qPrintable(edit.validationText()));
    QVERIFY(saveEnabled(edit));
    QCOMPARE(edit.plan().testRestore, (sv::PlanRestoreTest{false, QStringLiteral("gone-cloud"), {}, 600}));
}

QTEST_MAIN(TestPlanEditorDialog)
#include "tst_planeditordialog.moc"
