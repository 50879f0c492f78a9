package app

func init() {
	contractPairs["AttachmentRule"] = AttachmentRuleDTO{}
	contractPairs["AttachmentRules"] = AttachmentRulesDTO{}
	contractPairs["AttachmentUpload"] = AttachmentUploadDTO{}
	contractPairs["WhatsAppTemplate"] = WhatsAppTemplateDTO{}
}
