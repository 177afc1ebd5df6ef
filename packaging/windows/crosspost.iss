; Inno Setup script for the Windows installer (built on Windows, see .github/workflows/installers.yml):
;   pyinstaller packaging\crosspost.spec --distpath packaging\dist --workpath packaging\build\pyi -y
;   iscc packaging\windows\crosspost.iss
#define AppVersion "0.1.0"

[Setup]
AppId={{6B0E3A52-0C8B-4C1E-9D7A-4C2F0D5E7A11}
AppName=Crosspost
AppVersion={#AppVersion}
AppPublisher=The Crosspost team
DefaultDirName={autopf}\Crosspost
DefaultGroupName=Crosspost
OutputDir=..\dist
OutputBaseFilename=Crosspost-{#AppVersion}-setup
SetupIconFile=..\..\resources\icons\crosspost.ico
UninstallDisplayIcon={app}\crosspost-gui.exe
LicenseFile=..\..\LICENSE
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
ChangesAssociations=yes
PrivilegesRequiredOverridesAllowed=dialog

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"

[Files]
Source: "..\dist\crosspost\*"; DestDir: "{app}"; Flags: recursesubdirs ignoreversion

[Icons]
Name: "{group}\Crosspost"; Filename: "{app}\crosspost-gui.exe"
Name: "{autodesktop}\Crosspost"; Filename: "{app}\crosspost-gui.exe"; Tasks: desktopicon

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; Flags: unchecked
Name: "openwith"; Description: "Add ""Open with Crosspost"" for .zip and .json files"

[Registry]
; "Open with Crosspost" for TikTok exports (zip/json), without taking over the default program.
Root: HKA; Subkey: "Software\Classes\Applications\crosspost-gui.exe\shell\open\command"; ValueType: string; ValueData: """{app}\crosspost-gui.exe"" ""%1"""; Flags: uninsdeletekey; Tasks: openwith
Root: HKA; Subkey: "Software\Classes\.zip\OpenWithList\crosspost-gui.exe"; Flags: uninsdeletekey; Tasks: openwith
Root: HKA; Subkey: "Software\Classes\.json\OpenWithList\crosspost-gui.exe"; Flags: uninsdeletekey; Tasks: openwith

[Run]
Filename: "{app}\crosspost-gui.exe"; Description: "{cm:LaunchProgram,Crosspost}"; Flags: nowait postinstall skipifsilent
