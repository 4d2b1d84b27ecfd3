<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>BallotScreen</name>
    <message numerus="yes">
        <source>%1 of %n point(s) given</source>
        <translation>
            <numerusform>%1 of %n point given</numerusform>
            <numerusform>%1 of %n points given</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of at most %n project(s) picked</source>
        <translation>
            <numerusform>%1 of at most %n project picked</numerusform>
            <numerusform>%1 of at most %n projects picked</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n point(s) left</source>
        <translation>
            <numerusform>%n point left</numerusform>
            <numerusform>%n points left</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Pick between %1 and %n project(s) you support.</source>
        <translation>
            <numerusform>Pick between %1 and %n project you support.</numerusform>
            <numerusform>Pick between %1 and %n projects you support.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Share %n point(s) among the projects you want most, at most %1 on one project.</source>
        <translation>
            <numerusform>Share %n point among the projects you want most, at most %1 on one project.</numerusform>
            <numerusform>Share %n points among the projects you want most, at most %1 on one project.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CheckedScreen</name>
    <message numerus="yes">
        <source>%n point(s)</source>
        <translation>
            <numerusform>%n point</numerusform>
            <numerusform>%n points</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ConsoleLogin</name>
    <message numerus="yes">
        <source>Wrong passphrase. %n attempt(s) left before this role is locked for a while.</source>
        <translation>
            <numerusform>Wrong passphrase. %n attempt left before this role is locked for a while.</numerusform>
            <numerusform>Wrong passphrase. %n attempts left before this role is locked for a while.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>IdleWarning</name>
    <message numerus="yes">
        <source>Your ballot will be cleared in %n second(s).</source>
        <translation>
            <numerusform>Your ballot will be cleared in %n second.</numerusform>
            <numerusform>Your ballot will be cleared in %n seconds.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Your settings will be reset in %n second(s).</source>
        <translation>
            <numerusform>Your settings will be reset in %n second.</numerusform>
            <numerusform>Your settings will be reset in %n seconds.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Problem</name>
    <message numerus="yes">
        <source>A project can get at most %n point(s).</source>
        <translation>
            <numerusform>A project can get at most %n point.</numerusform>
            <numerusform>A project can get at most %n points.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Please pick at least %n project(s). You have picked %1.</source>
        <translation>
            <numerusform>Please pick at least %n project. You have picked %1.</numerusform>
            <numerusform>Please pick at least %n projects. You have picked %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>You can pick at most %n project(s). Un-pick one first to choose another.</source>
        <translation>
            <numerusform>You can pick at most %n project. Un-pick one first to choose another.</numerusform>
            <numerusform>You can pick at most %n projects. Un-pick one first to choose another.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>You have used all %n point(s). Take a point from another project first.</source>
        <translation>
            <numerusform>You have used all %n point. Take a point from another project first.</numerusform>
            <numerusform>You have used all %n points. Take a point from another project first.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProjectCard</name>
    <message numerus="yes">
        <source>%1 has %n point(s)</source>
        <translation>
            <numerusform>%1 has %n point</numerusform>
            <numerusform>%1 has %n points</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReceiptScreen</name>
    <message numerus="yes">
        <source>This screen clears itself in %n second(s).</source>
        <translation>
            <numerusform>This screen clears itself in %n second.</numerusform>
            <numerusform>This screen clears itself in %n seconds.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReviewScreen</name>
    <message numerus="yes">
        <source>%1 of %n point(s) given</source>
        <translation>
            <numerusform>%1 of %n point given</numerusform>
            <numerusform>%1 of %n points given</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n point(s)</source>
        <translation>
            <numerusform>%n point</numerusform>
            <numerusform>%n points</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n project(s) picked</source>
        <translation>
            <numerusform>%n project picked</numerusform>
            <numerusform>%n projects picked</numerusform>
        </translation>
    </message>
</context>
</TS>
