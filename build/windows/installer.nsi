; CreatorDesk installer for Windows (NSIS 3). scripts/dist-windows.sh runs:
;   makensis -DVERSION=1.2.3 -DSRC_EXE=... -DICON=... -DOUT=... installer.nsi
; Per-user install (no administrator prompt): %LOCALAPPDATA%\Programs\CreatorDesk.
; The app needs the Microsoft Edge WebView2 runtime, which Windows 10 and 11 include.
Unicode true
SetCompressor /SOLID lzma
RequestExecutionLevel user

!include "MUI2.nsh"

Name "CreatorDesk"
OutFile "${OUT}"
InstallDir "$LOCALAPPDATA\Programs\CreatorDesk"
InstallDirRegKey HKCU "Software\CreatorDesk" "InstallDir"
BrandingText "CreatorDesk ${VERSION}"
VIProductVersion "${VERSION_QUAD}"
VIAddVersionKey "ProductName" "CreatorDesk"
VIAddVersionKey "ProductVersion" "${VERSION}"
VIAddVersionKey "FileVersion" "${VERSION}"
VIAddVersionKey "FileDescription" "CreatorDesk installer"
VIAddVersionKey "CompanyName" "CreatorDesk"
VIAddVersionKey "LegalCopyright" "CreatorDesk"

!define MUI_ICON "${ICON}"
!define MUI_UNICON "${ICON}"
!define MUI_FINISHPAGE_RUN "$INSTDIR\creatordesk.exe"
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "English"
!insertmacro MUI_LANGUAGE "SimpChinese"
!insertmacro MUI_LANGUAGE "TradChinese"
!insertmacro MUI_LANGUAGE "Romanian"
!insertmacro MUI_LANGUAGE "Hindi"

!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\CreatorDesk"

Section "CreatorDesk" SecApp
  SetOutPath "$INSTDIR"
  File "/oname=creatordesk.exe" "${SRC_EXE}"
  WriteUninstaller "$INSTDIR\uninstall.exe"
  CreateDirectory "$SMPROGRAMS\CreatorDesk"
  CreateShortcut "$SMPROGRAMS\CreatorDesk\CreatorDesk.lnk" "$INSTDIR\creatordesk.exe"
  CreateShortcut "$DESKTOP\CreatorDesk.lnk" "$INSTDIR\creatordesk.exe"
  WriteRegStr HKCU "Software\CreatorDesk" "InstallDir" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayName" "CreatorDesk"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "Publisher" "CreatorDesk"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\creatordesk.exe"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoRepair" 1
SectionEnd

; Uninstalling removes the program only: the workspace (%APPDATA%\CreatorDesk) and the tokens
; in Windows Credential Manager stay, so reinstalling loses nothing. The README says how to remove them.
Section "Uninstall"
  Delete "$INSTDIR\creatordesk.exe"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  Delete "$SMPROGRAMS\CreatorDesk\CreatorDesk.lnk"
  RMDir "$SMPROGRAMS\CreatorDesk"
  Delete "$DESKTOP\CreatorDesk.lnk"
  DeleteRegKey HKCU "${UNINSTALL_KEY}"
  DeleteRegKey HKCU "Software\CreatorDesk"
SectionEnd
