import DocketCLI

DocketCommand.runMain()
